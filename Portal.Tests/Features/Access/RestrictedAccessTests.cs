using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Access;

/// <summary>
/// The demo's Restricted document A/75/R.1 names Demoland. Over real HTTP with real sign-in cookies,
/// each path (page, permalink by id, file, archive, search, agenda item, session, home) shows it to
/// Demoland's delegation and the Secretariat, and nothing of it — not its title, symbol or existence — to
/// Ruritania's delegation or the public. The draft A/75/990 is the Secretariat's alone.
/// </summary>
public sealed class RestrictedAccessTests(RestrictedAccessTests.App app) : IClassFixture<RestrictedAccessTests.App>
{
    private const string RestrictedSymbol = "A/75/R.1";
    private const string RestrictedMarker = "internal briefing note";
    private const string DraftSymbol = "A/75/990";

    public sealed class App : AccountsAppFactory, IAsyncLifetime
    {
        public Uri BaseAddress { get; private set; } = null!;

        public AccountClient Demoland { get; private set; } = null!;

        public AccountClient Ruritania { get; private set; } = null!;

        public AccountClient Editor { get; private set; } = null!;

        public AccountClient Public { get; private set; } = null!;

        public int RestrictedId { get; private set; }

        public async ValueTask InitializeAsync()
        {
            BaseAddress = StartKestrel();
            Demoland = await SignedInAsync(await TestAccounts.CreateAsync(Services, "delegate@demoland.example", PortalRoles.Delegation, "Demoland"));
            Ruritania = await SignedInAsync(await TestAccounts.CreateAsync(Services, "delegate@ruritania.example", PortalRoles.Delegation, "Ruritania"));
            Editor = await SignedInAsync(await TestAccounts.CreateAsync(Services, "editor@un.example", PortalRoles.Editor, twoFactor: true));
            Public = new AccountClient(BaseAddress);
            await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            RestrictedId = await db.DocumentSymbols.Where(s => s.Value == RestrictedSymbol).Select(s => s.DocumentId).SingleAsync();
        }

        private async Task<AccountClient> SignedInAsync(TestAccount account)
        {
            var client = new AccountClient(BaseAddress);
            var response = await client.SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }

        async ValueTask IAsyncDisposable.DisposeAsync()
        {
            foreach (var client in new[] { Demoland, Ruritania, Editor, Public })
            {
                client?.Dispose();
            }
            await DisposeAsync();
        }
    }

    public static TheoryData<string> RestrictedPaths => new()
    {
        "/A/75/R.1",
        "/en/A/75/R.1",
        "/documents/{id}",
        "/documents/{id}/en",
        "/A/75/R.1/en.md",
        "/A/75/R.1/en.txt",
        "/documents/{id}/en.md",
    };

    [Theory]
    [MemberData(nameof(RestrictedPaths))]
    public async Task TheNamedStatesDelegationAndTheSecretariatOpenIt(string path)
    {
        foreach (var client in new[] { app.Demoland, app.Editor })
        {
            var response = await client.GetAsync(path.Replace("{id}", app.RestrictedId.ToString(), StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(RestrictedMarker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(RestrictedPaths))]
    public async Task AnotherStatesDelegationAndThePublicGetWhatAMissingDocumentGets(string path)
    {
        var missing = await app.Public.GetAsync(path.Replace("R.1", "R.999", StringComparison.Ordinal).Replace("{id}", "999999", StringComparison.Ordinal));
        foreach (var client in new[] { app.Ruritania, app.Public })
        {
            var response = await client.GetAsync(path.Replace("{id}", app.RestrictedId.ToString(), StringComparison.Ordinal));
            Assert.Equal(missing.StatusCode, response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(RestrictedMarker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/search?q=briefing")]
    [InlineData("/search?q=restricted")]
    [InlineData("/sessions/ga/75/items/34")]
    [InlineData("/sessions/ga/75/items/34?sort=date&dir=desc")]
    [InlineData("/")]
    public async Task ListsAndSearchShowItOnlyToThoseWhoMaySeeIt(string path)
    {
        Assert.Contains(RestrictedSymbol, await app.Editor.GetStringAsync(path), StringComparison.Ordinal);
        if (path != "/")
        {
            // The journal on the home page lists the latest documents, which for a delegation need not reach back to it.
            Assert.Contains(RestrictedSymbol, await app.Demoland.GetStringAsync(path), StringComparison.Ordinal);
        }
        foreach (var client in new[] { app.Ruritania, app.Public })
        {
            var page = await client.GetStringAsync(path);
            Assert.DoesNotContain(RestrictedSymbol, page, StringComparison.Ordinal);
            Assert.DoesNotContain(RestrictedMarker, page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AnotherStatesDelegationCountsExactlyWhatThePublicCounts()
    {
        // Session counts are cached per visibility: a shared cache entry would leak Demoland's count.
        await app.Demoland.GetStringAsync("/sessions");
        var ruritania = await app.Ruritania.GetStringAsync("/search?q=demo");
        var anonymous = await app.Public.GetStringAsync("/search?q=demo");
        Assert.Equal(ResultCount(anonymous), ResultCount(ruritania));
        Assert.NotEqual(ResultCount(anonymous), ResultCount(await app.Demoland.GetStringAsync("/search?q=demo")));
    }

    [Theory]
    [InlineData("/sessions/ga/75/items/34/download.zip?lang=en&format=md")]
    [InlineData("/sessions/ga/75/download.zip?lang=en&format=md")]
    public async Task ArchivesHoldItOnlyForThoseWhoMaySeeIt(string path)
    {
        Assert.Contains(await ManifestAsync(app.Demoland, path), e => e.Contains("R.1", StringComparison.Ordinal));
        Assert.DoesNotContain(await ManifestAsync(app.Ruritania, path), e => e.Contains("R.1", StringComparison.Ordinal));
        Assert.DoesNotContain(await ManifestAsync(app.Public, path), e => e.Contains("R.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADraftIsTheSecretariatsAlone()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Editor.GetAsync("/" + DraftSymbol)).StatusCode);
        foreach (var client in new[] { app.Demoland, app.Ruritania, app.Public })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/" + DraftSymbol)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/" + DraftSymbol + "/en.md")).StatusCode);
        }
    }

    private static async Task<List<string>> ManifestAsync(AccountClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var manifest = zip.GetEntry("manifest.json")!;
        using var reader = new StreamReader(manifest.Open());
        var text = await reader.ReadToEndAsync();
        return [.. zip.Entries.Select(e => e.FullName), text];
    }

    private static string ResultCount(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, @"(\d[\d,]*)\s+(?:results?|documents?)").Value;
}
