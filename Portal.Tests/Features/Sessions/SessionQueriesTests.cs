using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Sessions;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Sessions;

public abstract class SessionQueriesTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : SessionQueriesTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : SessionQueriesTests(DatabaseProvider.PostgreSql);

    private static SessionQueries NewQueries(TestDatabase database, CatalogueVersion? catalogue = null, TimeProvider? clock = null, int? blockSize = null)
    {
        (catalogue, clock) = (catalogue ?? new CatalogueVersion(), clock ?? TimeProvider.System);
        var counts = blockSize is { } size ? new SessionDocumentCounts(database, catalogue, clock) { BlockSize = size } : null;
        return new(database, new MemoryCache(new MemoryCacheOptions()), catalogue, clock, counts);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListCountsOnlyWhatTheViewerMaySee()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = NewQueries(database);

        var publicCount = (await queries.ListAsync(Viewers.Public)).Single(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).DocumentCount;
        var delegationCount = (await queries.ListAsync(Viewers.Delegation)).Single(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).DocumentCount;
        var secretariatCount = (await queries.ListAsync(Viewers.Secretariat)).Single(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).DocumentCount;

        Assert.Equal(publicCount + 1, delegationCount);   // + the Restricted A/75/R.1
        Assert.Equal(delegationCount + 1, secretariatCount); // + the draft A/75/990
    }

    [Fact]
    public async Task CountsAreCachedUntilTheCatalogueChanges()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var catalogue = new CatalogueVersion();
        var queries = NewQueries(database, catalogue);
        int Count75(IReadOnlyList<SessionRow> sessions) => sessions.Single(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).DocumentCount;
        var before = Count75(await queries.ListAsync(Viewers.Public));

        // The test database's contexts do not carry the interceptor, so this save does not advance the version.
        await using (var db = database.CreateDbContext())
        {
            var draft = await db.Documents.SingleAsync(d => d.Symbols.Any(s => s.Value == "A/75/990"));
            draft.Status = PublicationStatus.Published;
            await db.SaveChangesAsync();
        }
        var cached = Count75(await queries.ListAsync(Viewers.Public));
        catalogue.Advance();
        var after = Count75(await queries.ListAsync(Viewers.Public));

        Assert.Equal(before, cached);
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task CountsFollowChangeStampsOfWritesThisInstanceWasNotToldOfAndAreNotRecountedOtherwise()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var queries = NewQueries(database, clock: clock);
        int draft;
        await using (var db = database.CreateDbContext())
        {
            draft = await db.Documents.Where(d => d.Symbols.Any(s => s.Value == "A/75/990")).Select(d => d.Id).SingleAsync(Cancel);
            // The demo data was stamped as it was seeded, a moment ago: an hour ago instead, before anything here looks back.
            var seeded = clock.Now - TimeSpan.FromHours(1);
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, seeded), Cancel);
        }
        async Task<int> Count75() => (await queries.ListAsync(Viewers.Public, Cancel)).Single(s => s.Organ == Organ.GeneralAssembly && s.Number == 75).DocumentCount;
        async Task SetDraftAsync(PublicationStatus status, DateTimeOffset? stamp)
        {
            await using var db = database.CreateDbContext();
            await db.Documents.Where(d => d.Id == draft).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status), Cancel);
            if (stamp is { } at)
            {
                await db.Documents.Where(d => d.Id == draft).ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, at), Cancel);
            }
        }
        var before = await Count75();

        // A write that leaves the stamps alone: past the minute the counts are checked, found current, and not recounted.
        await SetDraftAsync(PublicationStatus.Published, stamp: null);
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(before, await Count75());

        // Another instance's save stamps the document: seen once the minute since the last check has passed.
        await SetDraftAsync(PublicationStatus.Published, stamp: clock.Now);
        Assert.Equal(before, await Count75());
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(before + 1, await Count75());

        // Counts older than their limit are counted again whatever the stamps say.
        await SetDraftAsync(PublicationStatus.Draft, stamp: null);
        clock.Now += SessionDocumentCounts.MaxAge;
        Assert.Equal(before, await Count75());
    }

    [Fact]
    public async Task AStampedChangeRecountsItsOwnBlockAndUncountsAMovedDocumentWhereItWas()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        // One document id a block: a change recounts its own document's links, and nothing else.
        var queries = NewQueries(database, clock: clock, blockSize: 1);
        int restricted, draft, moved, session74, session75;
        await using (var db = database.CreateDbContext())
        {
            Task<int> IdOf(string symbol) => db.Documents.Where(d => d.Symbols.Any(s => s.Value == symbol)).Select(d => d.Id).SingleAsync(Cancel);
            (restricted, draft, moved) = (await IdOf("A/75/R.1"), await IdOf("A/75/990"), await IdOf("A/75/778"));
            Task<int> SessionOf(int number) => db.Sessions.Where(s => s.Organ == Organ.GeneralAssembly && s.Number == number).Select(s => s.Id).SingleAsync(Cancel);
            (session74, session75) = (await SessionOf(74), await SessionOf(75));
            Assert.False(await db.DocumentSessions.AnyAsync(ds => ds.DocumentId == moved && ds.SessionId == session74, Cancel));
            var seeded = clock.Now - TimeSpan.FromHours(1);
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, seeded), Cancel);
        }
        async Task<int> CountAsync(int number) =>
            (await queries.ListAsync(Viewers.Public, Cancel)).Single(s => s.Organ == Organ.GeneralAssembly && s.Number == number).DocumentCount;
        async Task StampAsync(int document)
        {
            await using var db = database.CreateDbContext();
            await db.Documents.Where(d => d.Id == document).ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, clock.Now), Cancel);
        }
        var (before74, before75) = (await CountAsync(74), await CountAsync(75));

        // The Restricted document made General behind the stamps' back, the draft published and stamped: only the
        // draft's block is counted again.
        await using (var db = database.CreateDbContext())
        {
            await db.Documents.Where(d => d.Id == restricted).ExecuteUpdateAsync(s => s.SetProperty(d => d.Distribution, Distribution.General), Cancel);
            await db.Documents.Where(d => d.Id == draft).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, PublicationStatus.Published), Cancel);
        }
        await StampAsync(draft);
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(before75 + 1, await CountAsync(75));

        // Another instance moves the letter from the 75th session to the 74th: it leaves the one and joins the other.
        await using (var db = database.CreateDbContext())
        {
            await db.DocumentSessions.Where(ds => ds.DocumentId == moved && ds.SessionId == session75).ExecuteDeleteAsync(Cancel);
            db.DocumentSessions.Add(new DocumentSession { DocumentId = moved, SessionId = session74 });
            await db.SaveChangesAsync(Cancel);
        }
        await StampAsync(moved);
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(before75, await CountAsync(75));
        Assert.Equal(before74 + 1, await CountAsync(74));

        // Counted whole again after the limit, the Restricted document's change too.
        clock.Now += SessionDocumentCounts.MaxAge;
        Assert.Equal(before75 + 1, await CountAsync(75));
    }

    [Fact]
    public async Task CallersThatAskWhileOneCountsWaitForThatCount()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var factory = new CountingFactory(database, holdFirst: true);
        var counts = new SessionDocumentCounts(factory, new CatalogueVersion(), TimeProvider.System);
        try
        {
            var first = Task.Run(() => counts.PerSessionAsync(Viewers.Public, Cancel), Cancel);
            // Until the first caller is held, or has failed before it was (then the assertion says so, rather than a hang).
            await Task.WhenAny(first, Task.Run(() => factory.Entered.Wait(Cancel), Cancel));
            Assert.True(factory.Entered.IsSet, "the first caller did not come to count");
            // The first caller holds the count, stopped before its query. The others ask on this thread: each returns
            // at once, waiting, and none opens a context of its own to count again.
            var others = Enumerable.Range(0, 3).Select(_ => counts.PerSessionAsync(Viewers.Public, Cancel)).ToList();
            Assert.Equal(1, factory.Created);
            factory.Release.Set();
            var all = await Task.WhenAll(others.Prepend(first));
            Assert.Equal(1, factory.Created);
            Assert.All(all, totals => Assert.Same(all[0], totals));
            Assert.NotEmpty(all[0]);
        }
        finally
        {
            factory.Entered.Set(); // frees the wait above if the first caller never came
            factory.Release.Set();
        }
    }

    [Fact]
    public async Task ACallerWhoKnowsOfASaveDoesNotSettleForACountBegunBeforeIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var factory = new CountingFactory(database, holdFirst: true);
        var catalogue = new CatalogueVersion();
        var counts = new SessionDocumentCounts(factory, catalogue, TimeProvider.System);
        try
        {
            var first = Task.Run(() => counts.PerSessionAsync(Viewers.Public, Cancel), Cancel);
            await Task.WhenAny(first, Task.Run(() => factory.Entered.Wait(Cancel), Cancel));
            Assert.True(factory.Entered.IsSet, "the first caller did not come to count");
            // A save on this instance while that count is under way (a warm-up at start, say, and the demo data saved).
            catalogue.Advance();
            var second = counts.PerSessionAsync(Viewers.Public, Cancel);
            factory.Release.Set();
            await Task.WhenAll(first, second);

            Assert.Equal(2, factory.Created); // the second caller counted again once the first count ended
        }
        finally
        {
            factory.Entered.Set();
            factory.Release.Set();
        }
    }

    [Fact]
    public async Task TheWarmUpCountsWhatTheFirstHomePageShows()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var factory = new CountingFactory(database);
        var catalogue = new CatalogueVersion();
        var queries = new SessionQueries(factory, new MemoryCache(new MemoryCacheOptions()), catalogue, TimeProvider.System,
            new SessionDocumentCounts(factory, catalogue, TimeProvider.System));
        var log = new ListLogger<SessionCountsWarmUp>();
        using var warmUp = new SessionCountsWarmUp(queries, log);

        await warmUp.StartAsync(Cancel);
        await warmUp.ExecuteTask!;
        Assert.DoesNotContain(log.Messages, m => m.StartsWith("Warning", StringComparison.Ordinal));
        var warmed = factory.Created;
        var sessions = await queries.ListAsync(Viewers.Public, Cancel);

        Assert.True(warmed >= 1);
        Assert.Equal(warmed, factory.Created); // the counts and the names were read by the warm-up, not by this request
        Assert.Contains(sessions, s => s.Organ == Organ.GeneralAssembly && s.Number == 75 && s.DocumentCount > 0);
    }

    [Fact]
    public async Task SessionHasItsAgendaItemsWithCountsAndNeighbours()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var queries = NewQueries(database);

        var session = await queries.GetAsync(Organ.GeneralAssembly, 75, Viewers.Public);

        Assert.NotNull(session);
        Assert.Equal([34, 71, 72, 98, 135], session.AgendaItems.Select(i => i.Number));
        var item71 = session.AgendaItems.Single(i => i.Number == 71);
        Assert.Equal("Right of peoples to self-determination", item71.Title("en").Title);
        Assert.Equal(new VersionTitle("ar", "حق الشعوب في تقرير المصير"), item71.Title("ar"));
        Assert.Equal(new VersionTitle("en", "General and complete disarmament"), session.AgendaItems.Single(i => i.Number == 98).Title("zh"));
        Assert.Equal(0, session.AgendaItems.Single(i => i.Number == 98).DocumentCount);
        Assert.True(session.AgendaItems.Single(i => i.Number == 71).DocumentCount >= 4);
        Assert.Equal(74, session.Previous?.Number);
        Assert.Equal(76, session.Next?.Number);
        Assert.Equal(["A/75/778"], session.DocumentsWithoutAgendaItem.Items.Select(d => d.Symbols[0]));
    }

    [Fact]
    public async Task SecurityCouncilYearListsItsDocumentsWithoutAgendaItems()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        var year = await NewQueries(database).GetAsync(Organ.SecurityCouncil, 2021, Viewers.Public);

        Assert.Empty(year!.AgendaItems);
        Assert.Equal(3, year.DocumentsWithoutAgendaItem.TotalCount);
        Assert.Equal("S/2021/600", year.DocumentsWithoutAgendaItem.Items[0].Symbols[1]);
    }

    [Fact]
    public async Task UnknownSessionIsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);

        Assert.Null(await NewQueries(database).GetAsync(Organ.GeneralAssembly, 12, Viewers.Public));
    }

    /// <summary>A factory that counts the contexts it hands out; with <c>holdFirst</c>, the first only once the test releases it.</summary>
    private sealed class CountingFactory(TestDatabase database, bool holdFirst = false) : IDbContextFactory<PortalDbContext>
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public PortalDbContext CreateDbContext()
        {
            if (Interlocked.Increment(ref _created) == 1 && holdFirst)
            {
                Entered.Set();
                Release.Wait();
            }
            return database.CreateDbContext();
        }
    }
}
