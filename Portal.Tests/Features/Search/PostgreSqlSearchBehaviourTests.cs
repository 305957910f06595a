using Portal.Infrastructure;
using Portal.Data.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>The PostgreSQL tsvector index over a real database on the test cluster, migrated by the app's PostgreSQL migrations.</summary>
public sealed class PostgreSqlSearchEngine : SearchEngineFixture
{
    public override async Task<SearchEngine> CreateSeededAsync()
    {
        var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.PostgreSql);
        // A first window of four documents: every behaviour is shown through reads of several ranges of documents.
        return new SearchEngine(database, new PostgreSqlSearchIndex(database) { FirstWindow = 4 }, database);
    }
}

public sealed class PostgreSqlSearchBehaviourTests(PostgreSqlSearchEngine engine) : SearchBehaviourTests<PostgreSqlSearchEngine>(engine);
