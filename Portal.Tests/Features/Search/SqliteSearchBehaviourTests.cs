using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>The SQLite FTS5 index over a real (in-memory) SQLite database migrated by the app's migrations.</summary>
public sealed class SqliteSearchEngine : SearchEngineFixture
{
    public override async Task<SearchEngine> CreateSeededAsync()
    {
        var database = await TestDatabase.CreateSeededAsync();
        return new SearchEngine(database, new SqliteSearchIndex(database), database);
    }
}

public sealed class SqliteSearchBehaviourTests(SqliteSearchEngine engine) : SearchBehaviourTests<SqliteSearchEngine>(engine);

/// <summary>What the SQLite index does beyond the behaviour every engine shares: its query plans.</summary>
public sealed class SqliteSearchIndexTests(SqliteSearchEngine engine) : IClassFixture<SqliteSearchEngine>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVeryCommonWordReadsTheNewestMatchesFirst()
    {
        var all = await engine.Shared.Queries().SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, Cancel);

        var bounded = await engine.Shared.Queries(maxMatchedVersions: 3).SearchAsync(new SearchFilter("Demo"), 25, Viewers.Public, Cancel);

        Assert.True(bounded.Truncated);
        Assert.False(bounded.TotalIsExact);
        Assert.InRange(bounded.TotalCount, 1, 3);
        // Newest language versions first: the documents holding the highest version ids.
        await using var db = engine.Shared.Database.CreateDbContext();
        var found = all.Items.Select(i => i.Row.Id).ToList();
        var newest = await db.LanguageVersions.Where(v => found.Contains(v.DocumentId))
            .GroupBy(v => v.DocumentId).Select(g => new { Id = g.Key, Latest = g.Max(v => v.Id) })
            .OrderByDescending(g => g.Latest).Select(g => g.Id).FirstAsync(Cancel);
        Assert.Contains(bounded.Items, i => i.Row.Id == newest);
    }

    [Fact]
    public async Task AFilteredSearchChecksEveryDocumentTheFiltersAllowEvenWhenTheWordIsCommon()
    {
        var filter = new SearchFilter("Demoland", AgendaItem: new AgendaItemKey(Organ.GeneralAssembly, 75, 71));
        var exact = await engine.Shared.Queries().SearchAsync(filter, 25, Viewers.Public, Cancel);

        var filtered = await engine.Shared.Queries(maxMatchedVersions: 1).SearchAsync(filter, 25, Viewers.Public, Cancel);

        Assert.True(exact.TotalCount >= 2);
        Assert.False(filtered.Truncated);
        Assert.Equal(exact.Items.Select(i => i.Row.Id).Order(), filtered.Items.Select(i => i.Row.Id).Order());
        Assert.Equal(exact.TotalCount, filtered.TotalCount);
    }

    [Fact]
    public async Task FiltersTooWideToCheckOneByOneAreAppliedToTheMatchesRead()
    {
        var narrow = new SqliteSearchIndex(engine.Shared.Database);
        var wide = new SqliteSearchIndex(engine.Shared.Database) { MaxFilteredDocuments = 1 };
        var request = new SearchRequest([new SearchTerm("Demo", SearchTermKind.Substring)], new SearchScope(Kind: DocumentKind.Letter), Viewers.Public, 1_000);

        var checkedOneByOne = await narrow.SearchAsync(request, Cancel);
        var filteredAfter = await wide.SearchAsync(request, Cancel);

        Assert.True(checkedOneByOne.Total >= 2);
        Assert.Equal(checkedOneByOne.Hits.Select(h => h.DocumentId).Order(), filteredAfter.Hits.Select(h => h.DocumentId).Order());
    }

    [Fact]
    public async Task ASearchLeavesNothingOnTheConnection()
    {
        await engine.Shared.Queries().SearchAsync(new SearchFilter("Demoland", Language: "en"), 25, Viewers.Public, Cancel);
        await engine.Shared.Queries().SearchAsync(new SearchFilter("地雷", Kind: DocumentKind.Letter), 25, Viewers.Public, Cancel);

        await using var db = engine.Shared.Database.CreateDbContext();
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM temp.sqlite_master").SingleAsync(Cancel));
    }
}
