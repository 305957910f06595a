using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Sessions;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Sessions;

public class SessionQueriesTests
{
    private static SessionQueries NewQueries(TestDatabase database, CatalogueVersion? catalogue = null) =>
        new(database, new MemoryCache(new MemoryCacheOptions()), catalogue ?? new CatalogueVersion());

    [Fact]
    public async Task ListCountsOnlyWhatTheViewerMaySee()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
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
        await using var database = await TestDatabase.CreateSeededAsync();
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
    public async Task SessionHasItsAgendaItemsWithCountsAndNeighbours()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var queries = NewQueries(database);

        var session = await queries.GetAsync(Organ.GeneralAssembly, 75, Viewers.Public);

        Assert.NotNull(session);
        Assert.Equal([34, 71, 72, 98, 135], session.AgendaItems.Select(i => i.Number));
        Assert.Equal("Right of peoples to self-determination", session.AgendaItems.Single(i => i.Number == 71).Title);
        Assert.Equal(0, session.AgendaItems.Single(i => i.Number == 98).DocumentCount);
        Assert.True(session.AgendaItems.Single(i => i.Number == 71).DocumentCount >= 4);
        Assert.Equal(74, session.Previous?.Number);
        Assert.Equal(76, session.Next?.Number);
        Assert.Equal(["A/75/778"], session.DocumentsWithoutAgendaItem.Items.Select(d => d.Symbols[0]));
    }

    [Fact]
    public async Task SecurityCouncilYearListsItsDocumentsWithoutAgendaItems()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var year = await NewQueries(database).GetAsync(Organ.SecurityCouncil, 2021, Viewers.Public);

        Assert.Empty(year!.AgendaItems);
        Assert.Equal(3, year.DocumentsWithoutAgendaItem.TotalCount);
        Assert.Equal("S/2021/600", year.DocumentsWithoutAgendaItem.Items[0].Symbols[1]);
    }

    [Fact]
    public async Task UnknownSessionIsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        Assert.Null(await NewQueries(database).GetAsync(Organ.GeneralAssembly, 12, Viewers.Public));
    }
}
