using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>What the PostgreSQL index does beyond the behaviour every engine shares: concurrent writers, its rebuild.</summary>
public sealed class PostgreSqlSearchIndexTests(PostgreSqlSearchEngine engine) : IClassFixture<PostgreSqlSearchEngine>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// SQLite has one writer; PostgreSQL lets two transactions change one language version at once. The
    /// second one's reindex must wait for the first and then read what it committed: both changes are found,
    /// and neither write fails on the index's key.
    /// </summary>
    [Fact]
    public async Task TwoTransactionsChangingOneVersionAtOnceBothReachTheIndex()
    {
        await using var scratch = await engine.CreateSeededAsync();
        int versionId;
        await using (var db = scratch.Database.CreateDbContext())
        {
            versionId = await db.LanguageVersions.Where(v => v.Document.Symbols.Any(s => s.Key == "A/74/600") && v.Language == "en").Select(v => v.Id).SingleAsync(Cancel);
        }

        await using var first = scratch.Database.CreateDbContext();
        await using var transaction = await first.Database.BeginTransactionAsync(Cancel);
        first.Annexes.Add(new Annex { LanguageVersionId = versionId, Position = 7, Heading = "Annex", BodyMarkdown = "A xylophonist's statement." });
        await first.SaveChangesAsync(Cancel);

        var second = Task.Run(async () =>
        {
            await using var db = scratch.Database.CreateDbContext();
            db.Signatories.Add(new Signatory { LanguageVersionId = versionId, Position = 9, Name = "Quetzalcoatlus Tester" });
            await db.SaveChangesAsync(Cancel);
        }, Cancel);
        await using (var watcher = scratch.Database.CreateDbContext())
        {
            // The second writer is waiting on the first (a lock not granted in this database), or has already failed.
            while (!second.IsCompleted && await watcher.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()").SingleAsync(Cancel) == 0)
            {
                await Task.Delay(20, Cancel);
            }
        }
        await transaction.CommitAsync(Cancel);
        await second;

        Task<SearchResults> Find(string query) => scratch.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Public, Cancel);
        Assert.Single((await Find("xylophonist")).Items);
        Assert.Single((await Find("Quetzalcoatlus")).Items);
        Assert.Single((await Find("disarmament")).Items);
    }

    /// <summary>
    /// The newest matches are read range by range of document ids (<see cref="PostgreSqlSearchIndex.FirstWindow"/>), and
    /// under a filter that leaves at most <see cref="PostgreSqlSearchIndex.ManyDocuments"/>, from those documents' rows, a batch
    /// of <see cref="PostgreSqlSearchIndex.FewDocuments"/> at a time.
    /// Whatever the first range, the limit and the filter, that returns the documents, versions and ranks one read of every match returns.
    /// </summary>
    [Theory]
    [InlineData("Demoland")]
    [InlineData("United Nations")]
    [InlineData("\"General Assembly\"")]
    [InlineData("地雷")]
    [InlineData("report")]
    public async Task ReadingTheNewestMatchesRangeByRangeFindsWhatOneReadFinds(string text)
    {
        var terms = SearchInput.Parse(text).Terms;
        var whole = new PostgreSqlSearchIndex(engine.Shared.Database) { FirstWindow = int.MaxValue, ManyDocuments = 0 };
        PostgreSqlSearchIndex[] ranged =
        [
            .. new[] { 1, 2, 5 }.Select(window => new PostgreSqlSearchIndex(engine.Shared.Database) { FirstWindow = window, ManyDocuments = 0 }),
            new PostgreSqlSearchIndex(engine.Shared.Database) { FewDocuments = 1_000 },
            .. new[] { 1, 2, 5 }.Select(batch => new PostgreSqlSearchIndex(engine.Shared.Database) { FewDocuments = batch, ManyDocuments = 1_000 }),
        ];
        foreach (var scope in new[] { SearchScope.Everything, new SearchScope(Organ: Organ.GeneralAssembly), new SearchScope(From: new DateOnly(2021, 1, 1)) })
        {
            foreach (var limit in new[] { 1, 3, 1_000 })
            {
                foreach (var viewer in new[] { Viewers.Public, Viewers.Secretariat })
                {
                    var request = new SearchRequest(terms, scope, viewer, limit);
                    var expected = await whole.SearchAsync(request, Cancel);
                    Assert.True(scope != SearchScope.Everything || expected.Hits.Count > 0, text);
                    foreach (var index in ranged)
                    {
                        var found = await index.SearchAsync(request, Cancel);
                        Assert.Equal(expected.Truncated, found.Truncated);
                        Assert.Equal(await expected.Total, await found.Total);
                        Assert.Equal(expected.Hits.Select(h => (h.DocumentId, h.ShownRow, h.Rank)), found.Hits.Select(h => (h.DocumentId, h.ShownRow, h.Rank)));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task ADamagedIndexIsReportedAndRebuiltFromTheCatalogue()
    {
        await using var scratch = await engine.CreateSeededAsync();

        await SearchRebuildCheck.DamageIsReportedAndTheRebuildRepairsItAsync(scratch, new PostgreSqlSearchIndex(scratch.Database) { RebuildBatch = 3 },
            id => $"DELETE FROM \"SearchText\" WHERE \"DocumentId\" = {id}; DELETE FROM \"SearchCatalogue\" WHERE \"DocumentId\" = {id}");
    }
}
