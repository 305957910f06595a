using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>
/// The facet facts kept in memory: a document's copy is dropped when its change stamp says so, as soon as this
/// instance knows of a save, within a second otherwise, for a change committed after its stamp, and after
/// <see cref="FacetFacts.MaxAge"/> whatever the stamps say.
/// </summary>
public abstract class FacetFactsTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : FacetFactsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : FacetFactsTests(DatabaseProvider.PostgreSql);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeptFactsFollowTheChangeStampsOfTheirDocuments()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var catalogue = new CatalogueVersion();
        var facts = new FacetFacts(database, catalogue, clock);
        int stamped, unstamped;
        await using (var db = database.CreateDbContext())
        {
            stamped = await db.Documents.Where(d => d.Symbols.Any(s => s.Key == "A/74/500")).Select(d => d.Id).SingleAsync(Cancel);
            unstamped = await db.Documents.Where(d => d.Sender == "Armenia" && !d.Symbols.Any()).Select(d => d.Id).SingleAsync(Cancel);
            // The demo data was stamped as it was seeded, a moment ago: an hour ago instead, before anything here looks back.
            var seeded = clock.Now - TimeSpan.FromHours(1);
            await db.Documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, seeded), Cancel);
        }
        async Task<FacetFactsOfDocument> Of(int id) => (await facts.ReadAsync([id], Cancel)).Single(f => f.Id == id);

        var before = await facts.ReadAsync([stamped, unstamped], Cancel);
        Assert.Equal(2, before.Count);
        var stampedKind = before.Single(f => f.Id == stamped).Kind;
        var stampedSender = before.Single(f => f.Id == stamped).Sender;
        var otherKind = stampedKind == DocumentKind.Report ? DocumentKind.Letter : DocumentKind.Report;
        await using (var db = database.CreateDbContext())
        {
            // A save stamps the document; a bulk update that leaves the stamp alone is not seen until the copy expires.
            (await db.Documents.SingleAsync(d => d.Id == stamped, Cancel)).Kind = otherKind;
            await db.SaveChangesAsync(Cancel);
            await db.Documents.Where(d => d.Id == unstamped).ExecuteUpdateAsync(s => s.SetProperty(d => d.Sender, "Unstamped"), Cancel);
        }

        Assert.Equal(stampedKind, (await Of(stamped)).Kind);

        catalogue.Advance();
        Assert.Equal(otherKind, (await Of(stamped)).Kind);
        Assert.Equal("Armenia", (await Of(unstamped)).Sender);

        // A change committed after its stamp, which is older than the last look, and one this instance was not told of.
        var lastLook = clock.Now;
        await using (var db = database.CreateDbContext())
        {
            await db.Documents.Where(d => d.Id == stamped).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Sender, "Committed late")
                .SetProperty(d => d.ChangedAt, lastLook - TimeSpan.FromSeconds(30)), Cancel);
        }
        Assert.Equal(stampedSender, (await Of(stamped)).Sender);
        clock.Now += FacetFacts.CheckEvery;
        Assert.Equal("Committed late", (await Of(stamped)).Sender);

        clock.Now += FacetFacts.MaxAge;
        Assert.Equal("Unstamped", (await Of(unstamped)).Sender);
    }

    [Fact]
    public async Task PastItsSizeTheCacheStartsAgainAndEveryDocumentKeepsItsFacts()
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var facts = new FacetFacts(database, new CatalogueVersion(), TimeProvider.System) { MaxDocuments = 3 };
        List<int> ids;
        await using (var db = database.CreateDbContext())
        {
            ids = await db.Documents.OrderBy(d => d.Id).Select(d => d.Id).Take(5).ToListAsync(Cancel);
        }

        Assert.Equal(ids, (await facts.ReadAsync(ids, Cancel)).Select(f => f.Id).Order());
        Assert.Equal(ids[..2], (await facts.ReadAsync(ids[..2], Cancel)).Select(f => f.Id).Order());
        Assert.Equal(ids[2..], (await facts.ReadAsync(ids[2..], Cancel)).Select(f => f.Id).Order());
        Assert.Empty(await facts.ReadAsync([int.MaxValue], Cancel));
    }
}

/// <summary>The portal's own facets after an edit saved through the portal: counted again at once, not from a kept copy.</summary>
public sealed class FacetsAfterAnEditTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task TheFacetsOfTheNextSearchCountTheEditedDocumentAsItIsNow()
    {
        var cancel = TestContext.Current.CancellationToken;
        var queries = app.Services.GetRequiredService<SearchQueries>();
        var filter = new SearchFilter("Demoland");
        int KindCount(SearchResults results, DocumentKind kind) =>
            results.Facets.Single(f => f.Key == FacetKey.Kind).Values.SingleOrDefault(v => v.Filter.Kind == kind)?.Count ?? 0;

        var before = await queries.SearchAsync(filter, 25, Viewers.Public, cancel);
        var edited = before.Items.First(i => i.Row.Kind != DocumentKind.Report);
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = factory.CreateDbContext())
        {
            (await db.Documents.SingleAsync(d => d.Id == edited.Row.Id, cancel)).Kind = DocumentKind.Report;
            await db.SaveChangesAsync(cancel);
        }
        var after = await queries.SearchAsync(filter, 25, Viewers.Public, cancel);

        Assert.Equal(KindCount(before, DocumentKind.Report) + 1, KindCount(after, DocumentKind.Report));
        Assert.Equal(KindCount(before, edited.Row.Kind) - 1, KindCount(after, edited.Row.Kind));
    }
}
