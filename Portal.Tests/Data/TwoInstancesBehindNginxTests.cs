using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// docker-compose.yml's topology on this machine without Docker, as scripts/two-instances.sh starts it: two real
/// portal processes (`dotnet Portal.dll`, Production) on one PostgreSQL database and the S3 test server, behind
/// Debian's nginx running deploy/nginx.conf. A sign-in and an antiforgery token issued by one instance are
/// accepted by the other; a document an editor publishes through one is seen through the other and through
/// nginx, and counted on the other's home page at once; through nginx, an editor's circuit (a WebSocket) works
/// and every request of that browser reaches one replica.
/// </summary>
public sealed partial class TwoInstancesBehindNginxTests(TwoInstancesBehindNginxTests.Topology topology) : IClassFixture<TwoInstancesBehindNginxTests.Topology>
{
    /// <summary>The script, started once for the class, and the addresses it printed.</summary>
    public sealed partial class Topology : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("portal-two-instances-").FullName;
        private Process? _script;
        private string? _database;

        public Uri Proxy { get; private set; } = null!;
        public Uri First { get; private set; } = null!;
        public Uri Second { get; private set; } = null!;

        /// <summary>The portals' settings, as docker-compose.yml gives them (environment variables).</summary>
        public List<KeyValuePair<string, string>> Settings { get; } = [];

        /// <summary>nginx's access log: the sticky key, the replica that answered, the status and the request line.</summary>
        public string AccessLog => Path.Combine(_folder, "nginx", "access.log");

        /// <summary>What the portals printed, for a failure's message.</summary>
        public string PortalLogs() => string.Join("\n", Directory.GetFiles(_folder, "portal-*.log").Select(File.ReadAllText));

        public async ValueTask InitializeAsync()
        {
            var s3 = S3TestServer.PortalSettings(S3TestServer.NewPrefix()).ToList();
            PostgreSqlTestServer.Require();
            Assert.Equal(0, (await InstalledTool.RunAsync("nginx", "-v")).ExitCode);
            _database = await PostgreSqlTestServer.CreateSeededDatabaseAsync();
            Settings.AddRange([
                new("ASPNETCORE_ENVIRONMENT", "Production"),
                new("Database__Provider", "PostgreSQL"),
                new("ConnectionStrings__Portal", _database),
                // The nightly bulk dump would write into the store at start-up; its own tests run it.
                new("Portal__Dumps__Nightly", "false"),
                .. s3.Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)),
            ]);

            var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root(), "scripts", "two-instances.sh"), Path.Combine(AppContext.BaseDirectory, "Portal.dll")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (key, value) in Settings)
            {
                start.Environment[key] = value;
            }
            start.Environment["PORTAL_PROXY_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PORTAL_INSTANCES_DIR"] = _folder;
            _script = Process.Start(start)!;
            var error = _script.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            // The script prints its line once all three answer /health/ready; the bound only ends a broken start.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            bound.CancelAfter(TimeSpan.FromMinutes(5));
            while (await _script.StandardOutput.ReadLineAsync(bound.Token) is { } line)
            {
                var ready = ReadyLine().Match(line);
                if (ready.Success)
                {
                    Proxy = new Uri(ready.Groups["proxy"].Value);
                    First = new Uri(ready.Groups["first"].Value);
                    Second = new Uri(ready.Groups["second"].Value);
                    return;
                }
            }
            Assert.Fail($"scripts/two-instances.sh stopped before the portals were ready:\n{await error}");
        }

        public async ValueTask DisposeAsync()
        {
            if (_script is not null)
            {
                _script.Kill(entireProcessTree: true);
                await _script.WaitForExitAsync();
                _script.Dispose();
            }
            if (_database is not null)
            {
                PostgreSqlTestServer.DropDatabase(_database);
            }
            Directory.Delete(_folder, recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        [GeneratedRegex(@"^Portal at (?<proxy>http://127\.0\.0\.1:\d+) via nginx; instances (?<first>http://127\.0\.0\.1:\d+) (?<second>http://127\.0\.0\.1:\d+)$")]
        private static partial Regex ReadyLine();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInAndAnAntiforgeryTokenIssuedByOneInstanceAreAcceptedByTheOther()
    {
        var cookies = new CookieContainer();
        using var first = new AccountClient(topology.First, cookies);
        using var second = new AccountClient(topology.Second, cookies);

        await SignInNewAdministratorAsync(first, "replicas.first@un.example");

        // Signed in by the first instance: the second knows who it is (an administrator who must set up two factors).
        var home = await second.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountPaths.TwoFactorSetUp, home.Headers.Location!.OriginalString);
        // A form the first instance rendered (its antiforgery token) posts to the second.
        var done = await SetUpTwoFactorsAsync(renderedBy: first, postedTo: second);
        Assert.Contains("Two-factor sign-in is on", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/manage/documents")).StatusCode);
    }

    [Fact]
    public async Task ADocumentPublishedThroughOneInstanceIsSeenThroughTheOtherAndThroughNginxAtOnce()
    {
        var cookies = new CookieContainer();
        using (var first = new AccountClient(topology.First, cookies))
        {
            await SignInNewAdministratorAsync(first, "replicas.editor@un.example");
            await SetUpTwoFactorsAsync(renderedBy: first, postedTo: first);
        }
        using var second = new HttpClient { BaseAddress = topology.Second };
        using var proxy = new HttpClient { BaseAddress = topology.Proxy };
        var before = await HomePageCounts.OfAsync(second);
        Assert.NotNull(before);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync("/A/75/9301", Cancel)).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
        var editor = await SignedInPageAsync(browser, cookies, topology.First);
        await editor.GotoAsync("/manage/documents/new");
        await BrowserFixture.WaitForInteractiveAsync(editor);
        await editor.GetByLabel("Symbol(s)").FillAsync("A/75/9301");
        await editor.GetByLabel("Agenda items (GA/75/71, SC/2021/1, …)").FillAsync("GA/75/71");
        await editor.GetByLabel("Title").First.FillAsync("Letter about the two harbour masters");
        await editor.GetByLabel("Body (Markdown)").First.FillAsync("The harbour masters met twice.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Register as draft" }).ClickAsync();
        await editor.WaitForURLAsync(url => DocumentEditorPath().IsMatch(url));
        var editorPath = new Uri(editor.Url).AbsolutePath;
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#document-status")).ToHaveTextAsync("Published");

        // The notification reaches the second instance in milliseconds; the deadline only bounds a broken build,
        // and stays below the cache's own expiry (CatalogueVersion.MaxAge), which cannot then pass for it.
        var deadline = DateTime.UtcNow + CatalogueVersion.MaxAge / 2;
        while (await HomePageCounts.OfAsync(second) == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancel);
        }
        Assert.Equal(before + 1, await HomePageCounts.OfAsync(second));
        Assert.Contains("Letter about the two harbour masters", await second.GetStringAsync("/A/75/9301", Cancel));
        var throughNginx = await proxy.GetAsync("/A/75/9301", Cancel);
        Assert.Equal(HttpStatusCode.OK, throughNginx.StatusCode);
        Assert.Contains("Letter about the two harbour masters", await throughNginx.Content.ReadAsStringAsync(Cancel));
        Assert.Contains(throughNginx.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal_instance=", StringComparison.Ordinal));

        // Through nginx, the editor's page connects its circuit (SignalR's negotiation, then a WebSocket).
        var throughProxy = await SignedInPageAsync(browser, cookies, topology.Proxy);
        await throughProxy.GotoAsync(editorPath);
        await BrowserFixture.WaitForInteractiveAsync(throughProxy);
        await Assertions.Expect(throughProxy.Locator("#document-status")).ToHaveTextAsync("Published");
        var key = (await throughProxy.Context.CookiesAsync([topology.Proxy.ToString()])).Single(c => c.Name == "portal_instance").Value;
        await throughProxy.Context.CloseAsync();

        // nginx logs the WebSocket once it closes; every request of that browser went to one replica.
        var log = await LinesOfAsync(key, lines => lines.Any(l => l.Status == 101 && l.Request.StartsWith("GET /_blazor?id=", StringComparison.Ordinal)));
        Assert.Contains(log, l => l.Request.StartsWith("POST /_blazor/negotiate", StringComparison.Ordinal));
        Assert.Single(log.Select(l => l.Replica).Distinct());
        Assert.Contains(log.First(l => l.Status == 101).Replica, new[] { topology.First, topology.Second }.Select(u => u.Authority));
    }

    /// <summary>The `create-admin` command on the shared database, then the link it prints, opened on <paramref name="client"/>'s instance, and a sign-in there.</summary>
    private async Task SignInNewAdministratorAsync(AccountClient client, string email)
    {
        var created = await PortalProcess.RunAsync([CreateAdminCommand.Name, "--email", email], topology.Settings);
        Assert.True(created.ExitCode == 0, created.Output + created.Error);
        var link = new Uri(SetPasswordLink().Match(created.Output).Value);
        const string password = "Two-Replicas-Pass-1";
        var set = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        Assert.Contains("Your password is saved", await set.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var signedIn = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Sets up an authenticator on the page <paramref name="renderedBy"/> serves, posting it to <paramref name="postedTo"/>; the answer's page.</summary>
    private async Task<string> SetUpTwoFactorsAsync(AccountClient renderedBy, AccountClient postedTo)
    {
        var page = await renderedBy.GetAsync(AccountPaths.TwoFactorSetUp);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode} {page.Headers.Location}\n{topology.PortalLogs()}");
        var setUp = await page.Content.ReadAsStringAsync(Cancel);
        var key = AuthenticatorKey().Match(setUp).Groups["key"].Value;
        var done = await postedTo.PostFormAsync(AccountPaths.TwoFactorSetUp, setUp, "two-factor-set-up", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        return await done.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>A browser page at <paramref name="site"/> with the cookies of a client signed in there or on another instance of the same host.</summary>
    private static async Task<IPage> SignedInPageAsync(IBrowser browser, CookieContainer cookies, Uri site)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = site.ToString() });
        await context.AddCookiesAsync(cookies.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure }));
        var page = await context.NewPageAsync();
        // A loaded shared machine: wait on conditions, generously.
        page.SetDefaultTimeout(90_000);
        return page;
    }

    private sealed record AccessLogLine(string Key, string Replica, int Status, string Request);

    /// <summary>Waits until nginx's access log lines for the sticky key <paramref name="key"/> satisfy <paramref name="complete"/>.</summary>
    private async Task<List<AccessLogLine>> LinesOfAsync(string key, Func<List<AccessLogLine>, bool> complete)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var lines = (await File.ReadAllLinesAsync(topology.AccessLog, Cancel))
                .Select(l => AccessLogPattern().Match(l))
                .Where(m => m.Success && m.Groups["key"].Value == key)
                .Select(m => new AccessLogLine(key, m.Groups["replica"].Value, int.Parse(m.Groups["status"].Value), m.Groups["request"].Value))
                .ToList();
            if (complete(lines) || DateTime.UtcNow > deadline)
            {
                Assert.True(complete(lines), string.Join('\n', lines));
                return lines;
            }
            await Task.Delay(100, Cancel);
        }
    }

    [GeneratedRegex(@"^(?<key>\S+) (?<replica>\S+) (?<status>\d{3}) ""(?<request>[^""]*)""$")]
    private static partial Regex AccessLogPattern();

    [GeneratedRegex("/manage/documents/[0-9]+$")]
    private static partial Regex DocumentEditorPath();

    [GeneratedRegex("id=\"authenticator-key\">(?<key>[a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex SetPasswordLink();
}
