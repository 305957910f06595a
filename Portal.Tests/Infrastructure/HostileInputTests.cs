using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Every route the app registers (pages, download endpoints, static assets, the Blazor hub), read
/// from its EndpointDataSource rather than listed by hand, filled with valid demo values and then
/// with malformed ones, in paths, query values, headers and methods. In Production mode no answer
/// may be a 5xx, echo the script marker unescaped, or show stack-trace text.
/// </summary>
public partial class HostileInputTests(HostileInputTests.Fixture fixture) : IClassFixture<HostileInputTests.Fixture>
{
    /// <summary>The portal on real Kestrel: the server a visitor reaches, with its own request parsing.</summary>
    public sealed class Fixture : PortalAppFactory
    {
        private readonly Lazy<Uri> _address;

        public Fixture() => _address = new(StartKestrel);

        public Uri Address => _address.Value;
    }

    private const string Marker = "<script>alert('hostile')</script>";

    private static readonly string[] MalformedValues =
    [
        "%00", "abc%00def", "99999999999", "-99999999999", "1e5", "NaN", "", "%C3%28", "%FF%FE%FD", "%E2%82", "%",
        Uri.EscapeDataString(Marker), "..%2F..%2Fetc%2Fpasswd", "%2e%2e", new string('x', 3000), "%F0%9F%92%A9", "' OR 1=1 --",
        "abc%EF%BF%BE", "abc%EF%BF%BF", // noncharacters, which Unicode normalisation and XML refuse
    ];

    /// <summary>Query names no component declares but endpoints read (archive downloads).</summary>
    private static readonly string[] EndpointQueryNames = ["lang", "format", "q", "page"];

    private static readonly (string Name, string Value)[] HostileHeaders =
    [
        ("Range", "bytes=garbage"),
        ("Range", "bytes=99999999999999999999-"),
        ("Range", "bytes=5-1,-0,0-0,abc"),
        ("If-None-Match", "\"unterminated, *, " + Marker),
        ("If-Modified-Since", "yesterday at noon"),
        ("If-Range", "not-a-date-or-etag"),
        ("Accept-Language", "zz-ZZ;q=abc, " + Marker + ", *;q=2"),
        ("Accept", "text/<script>;q=x"),
        ("Accept-Encoding", "br;q=banana, gzip;q=-1"),
        ("Cookie", ".AspNetCore.Antiforgery.x=" + new string('A', 3000)),
    ];

    private static readonly HttpMethod[] Methods = [HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Patch];

    private sealed record Route(string Template, RoutePattern Pattern, bool IsStaticAsset, bool IsPage)
    {
        public string Path(Func<string, string?, string> value) => "/" + string.Join('/', Pattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => value(parameter.Name, null),
                _ => "",
            }))));
    }

    private List<Route> Routes()
    {
        _ = fixture.Address;
        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = endpoints
            .GroupBy(e => e.RoutePattern.RawText ?? "")
            .Select(g => new Route(g.Key, g.First().RoutePattern, g.First().Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)),
                g.First().Metadata.OfType<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>().Any()))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
        // Static assets are one route kind served by one handler (hundreds of literal paths, with and
        // without fingerprints): the app's stylesheet and Blazor's script stand for them all.
        return routes.Where(r => !r.IsStaticAsset || r.Template.TrimStart('/') is "app.css" || r.Template.TrimStart('/').StartsWith("_framework/blazor.web.", StringComparison.Ordinal) && r.Template.EndsWith(".js", StringComparison.Ordinal)).ToList();
    }

    /// <summary>A demo value for each route parameter that reaches real rows (session GA 75, item 71, document 1).</summary>
    private static string ValidValue(Route route, string name) => name.ToLowerInvariant() switch
    {
        "organslug" or "organ" => "ga",
        "session" => "75",
        "item" => "71",
        "number" => route.Pattern.GetParameter("Session") is null ? "75" : "71",
        "id" => "1",
        "language" => "zh",
        "format" => "txt",
        "path" when route.Pattern.GetParameter("path")?.ParameterPolicies.Count > 0 => "A/75/778/zh.txt",
        "path" => "A/75/778",
        _ => "1",
    };

    private static string ValidPath(Route route) => route.Path((name, _) => ValidValue(route, name));

    private static IEnumerable<string> QueryNames() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } a ? a.Name ?? p.Name : null)
            .OfType<string>()
            .Concat(EndpointQueryNames)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<HttpRequestMessage> HostileRequests(List<Route> routes)
    {
        var queryNames = QueryNames().ToList();
        Assert.Contains("page", queryNames);
        Assert.Contains("q", queryNames);
        foreach (var route in routes)
        {
            var valid = ValidPath(route);
            yield return Request(HttpMethod.Get, valid);

            // Each path parameter malformed in turn, the others valid.
            foreach (var parameter in route.Pattern.Parameters)
            {
                foreach (var bad in MalformedValues)
                {
                    yield return Request(HttpMethod.Get, route.Path((name, _) => name == parameter.Name ? bad : ValidValue(route, name)));
                }
            }
            // Malformed paths under the route.
            foreach (var suffix in new[] { "/%00", "/..%2F..%2F", "//", "/%C3%28", "/" + Uri.EscapeDataString(Marker), "/" + new string('y', 3000), "%20", ";jsessionid=1" })
            {
                yield return Request(HttpMethod.Get, (valid.Length > 1 ? valid.TrimEnd('/') : "/") + suffix);
            }

            if (!route.IsStaticAsset)
            {
                // Pages get every name a component reads; endpoints the names they read (the archive's
                // lang and format), since each of their answers streams a whole ZIP.
                foreach (var name in route.IsPage ? queryNames : [.. EndpointQueryNames])
                {
                    foreach (var bad in MalformedValues)
                    {
                        yield return Request(HttpMethod.Get, $"{valid}?{name}={bad}");
                    }
                    yield return Request(HttpMethod.Get, $"{valid}?{name}={new string('z', 20_000)}");
                    yield return Request(HttpMethod.Get, $"{valid}?{name}=1&{name}=2&{name}[]=3");
                }
            }

            foreach (var (header, value) in HostileHeaders)
            {
                var request = Request(HttpMethod.Get, valid);
                Assert.True(request.Headers.TryAddWithoutValidation(header, value));
                yield return request;
            }

            foreach (var method in Methods)
            {
                var request = Request(method, valid);
                if (method != HttpMethod.Head && method != HttpMethod.Options)
                {
                    // A form post without an antiforgery token, Blazor's form handler name included.
                    request.Content = new StringContent($"_handler=x&q={Uri.EscapeDataString(Marker)}", new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
                }
                yield return request;
            }
        }
    }

    [Fact]
    public async Task NoRouteAnswersHostileInputWithAServerErrorAReflectionOrAStackTrace()
    {
        var routes = Routes();
        // The route kinds the portal has; if one disappears the suite no longer covers it.
        foreach (var expected in new[] { "/", "/sessions", "/sessions/{OrganSlug}/{Number:int}", "/sessions/{OrganSlug}/{Session:int}/items/{Number:int}",
            "/documents/{Id:int}", "/documents/{Id:int}/{Language}", "/{*Path}", "/search", "/error", "/not-found" })
        {
            Assert.Contains(routes, r => r.Template == expected);
        }
        Assert.Contains(routes, r => r.Template.EndsWith("download.zip", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Template.StartsWith("/{**path:regex", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.IsStaticAsset);

        // A whole session's ZIP first generates the PDFs its versions lack (Chromium, minutes on a loaded
        // machine), then stores them. Made once here, so the requests below wait on stored files and the
        // test checks answers, not how fast Chromium prints beside four parallel requests.
        using (var warm = new HttpClient { BaseAddress = fixture.Address, Timeout = TimeSpan.FromMinutes(20) })
        {
            foreach (var archive in routes.Where(r => r.Template.EndsWith("download.zip", StringComparison.Ordinal)))
            {
                using var response = await warm.GetAsync(ValidPath(archive), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var requests = HostileRequests(routes).ToList();
        var failures = new ConcurrentQueue<string>();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Address };
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, token) =>
        {
            var label = $"{request.Method} {Shorten(request.RequestUri!.PathAndQuery)}{(request.Headers.Any() ? $" [{string.Join("; ", request.Headers.Select(h => h.Key))}]" : "")}";
            using var _ = request;
            request.RequestUri = new UriBuilder(request.RequestUri!) { Port = fixture.Address.Port }.Uri;
            var started = System.Diagnostics.Stopwatch.StartNew();
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                // An archive's body is compressed bytes that can reflect nothing readable, and a whole
                // session's ZIP (generated PDFs included) takes minutes on a loaded machine: its status is
                // what this test checks, and disposing the response aborts the stream. A script file is the same
                // bytes whatever the query (the API reference's bundle names JavaScript's own "StackTrace").
                body = response.Content.Headers.ContentType?.MediaType is "application/zip" or "text/javascript" or "application/javascript"
                    ? "" : await response.Content.ReadAsStringAsync(token);
            }
            catch (TaskCanceledException)
            {
                failures.Enqueue($"{label} → no answer after {started.Elapsed.TotalSeconds:0} s");
                return;
            }
            using var __ = response;
            if (started.Elapsed > TimeSpan.FromSeconds(20))
            {
                TestContext.Current.SendDiagnosticMessage($"{label} took {started.Elapsed.TotalSeconds:0} s");
            }
            if ((int)response.StatusCode >= 500)
            {
                failures.Enqueue($"{label} → {(int)response.StatusCode}");
            }
            else if (body.Contains(Marker, StringComparison.OrdinalIgnoreCase) || body.Contains("<script>alert", StringComparison.OrdinalIgnoreCase))
            {
                failures.Enqueue($"{label} → reflects the script marker unescaped");
            }
            else if (StackTrace().IsMatch(body))
            {
                failures.Enqueue($"{label} → stack trace text: {StackTrace().Match(body).Value}");
            }
        });

        TestContext.Current.SendDiagnosticMessage($"{requests.Count} hostile requests over {routes.Count} routes: {string.Join(", ", routes.Select(r => r.Template))}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} requests failed:\n{string.Join('\n', failures.Take(40))}");
    }

    [Fact]
    public async Task NoRouteFailsOnAnEmptyOrOverlongHostHeader()
    {
        var server = fixture.Address;
        var failures = new List<string>();
        var count = 0;
        foreach (var route in Routes().Where(r => !r.IsStaticAsset))
        {
            foreach (var host in new[] { "", new string('h', 5000), new string('h', 300) + ".example" })
            {
                count++;
                var response = await RawHttp.SendAsync(server, "GET", ValidPath(route), host);
                if (response.Status >= 500 || response.Status != 400 || StackTrace().IsMatch(response.Body))
                {
                    failures.Add($"{route.Template} with a {host.Length}-character Host → {response.Status}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} failed:\n{string.Join('\n', failures)}");
    }

    // Absolute, so that a path starting with "//" is not read as another host.
    private static HttpRequestMessage Request(HttpMethod method, string path) =>
        Uri.TryCreate("http://127.0.0.1" + path, UriKind.Absolute, out var uri) ? new(method, uri) : throw new InvalidOperationException($"not a URI: {Shorten(path)}");

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    [GeneratedRegex(@"(\bat [A-Z][\w.`]+\.[\w<>`]+\(|StackTrace|System\.\w*Exception|Portal\.\w+\.\w+Exception|   at )")]
    private static partial Regex StackTrace();
}
