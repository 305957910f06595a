using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Sessions;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Layout;

/// <summary>The side menu is on every page: its size must not grow with the number of sessions the portal holds.</summary>
public class NavMenuTests(NavMenuTests.Fixture fixture) : IClassFixture<NavMenuTests.Fixture>
{
    /// <summary>The demo data plus 200 more sessions: GA 1–70, Security Council and ECOSOC years 1946–2010 and 1946–2010.</summary>
    public sealed class Fixture : PortalAppFactory, IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            await using var db = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            var existing = await db.Sessions.Select(s => new { s.Organ, s.Number }).ToListAsync();
            var added = Enumerable.Range(1, 70).Select(n => (Organ.GeneralAssembly, n))
                .Concat(Enumerable.Range(1946, 65).Select(y => (Organ.SecurityCouncil, y)))
                .Concat(Enumerable.Range(1946, 65).Select(y => (Organ.EconomicAndSocialCouncil, y)))
                .Where(s => !existing.Any(e => e.Organ == s.Item1 && e.Number == s.Item2))
                .Select(s => new Session { Organ = s.Item1, Number = s.Item2 });
            db.Sessions.AddRange(added);
            await db.SaveChangesAsync();
        }

        async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();
    }

    private static string Menu(string html) =>
        Regex.Match(html, @"<nav [^>]*aria-label=""Sessions""[^>]*>.*?</nav>", RegexOptions.Singleline) is { Success: true } match
            ? match.Value
            : throw new Xunit.Sdk.XunitException("The page has no session menu.");

    private static int Links(string html) => Regex.Matches(html, @"<a\s").Count;

    [Fact]
    public async Task TheMenuHoldsAConstantNumberOfLinksWhateverTheCatalogueHolds()
    {
        using var client = fixture.CreateClient();
        await using var db = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        Assert.True(await db.Sessions.CountAsync() >= 200);

        foreach (var path in new[] { "/not-found", "/sessions", "/" })
        {
            var menu = Menu(await client.GetStringAsync(path));
            // Home, All sessions, and the newest few sessions of each of the three organs.
            Assert.Equal(2 + 3 * SessionQueries.RecentSessionsPerOrgan, Links(menu));
            Assert.Contains(@"href=""/sessions""", menu);
            Assert.Contains(@"href=""/sessions/ga/76""", menu); // the newest GA session in the demo data
            Assert.DoesNotContain(@"href=""/sessions/ga/1""", menu);
        }
    }

    [Fact]
    public async Task TheAllSessionsPageStillListsEverySession()
    {
        using var client = fixture.CreateClient();
        await using var db = fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var sessions = await db.Sessions.Select(s => new { s.Organ, s.Number }).ToListAsync();

        var html = await client.GetStringAsync("/sessions");
        var main = Regex.Match(html, @"<main id=""main""[^>]*>.*?</main>", RegexOptions.Singleline).Value;
        foreach (var session in sessions)
        {
            Assert.Contains($@"href=""{SiteUrls.Session(session.Organ, session.Number)}""", main);
        }
        Assert.Equal(sessions.Count, Regex.Matches(main, @"href=""/sessions/(ga|sc|ecosoc)/\d+""").Count);
    }
}
