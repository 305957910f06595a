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
        // A first range of four documents, and no filter counted as leaving few: every behaviour is shown through reads
        // of several ranges of documents (the few-documents path is compared with it in PostgreSqlSearchIndexTests).
        return new SearchEngine(database, new PostgreSqlSearchIndex(database) { FirstWindow = 4, ManyDocuments = 0 }, database);
    }
}

public sealed class PostgreSqlSearchBehaviourTests(PostgreSqlSearchEngine engine) : SearchBehaviourTests<PostgreSqlSearchEngine>(engine);
