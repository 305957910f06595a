using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The request is not trusted: Host header, redirects, methods, and the headers every answer
/// carries. Real Kestrel where the socket matters (raw Host headers, HEAD bodies), in Production.
/// </summary>
public class RequestHardeningTests(RequestHardeningTests.Fixture fixture) : IClassFixture<RequestHardeningTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        private readonly Lazy<Uri> _kestrel;

        public Fixture() => _kestrel = new(StartKestrel);

        public Uri Address => _kestrel.Value;
    }

    private const string ScriptMarker = "<script>alert('hostile')</script>";

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions/ga/75")]
    [InlineData("/A/75/778")]
    [InlineData("/error")]
    [InlineData("/no/such/page")]
    public async Task AnEmptyOrOverlongHostHeaderIsABadRequestWithAReadableBody(string path)
    {
        // An "xn--" label that is not punycode: the framework throws on reading it.
        foreach (var host in new[] { "", new string('a', 5000), "xn--zz", "xn--", "xn--zz.example:80" })
        {
            var response = await RawHttp.SendAsync(fixture.Address, "GET", path, host);

            Assert.True(response.Status == 400, $"Host “{host[..Math.Min(20, host.Length)]}” answered {response.Status}");
            Assert.Contains("Host header", response.Body);
        }
    }

    [Fact]
    public async Task HostHeadersKestrelRejectsStayRejected()
    {
        // Kestrel answers these itself, with an empty 400, before the portal sees them.
        foreach (var host in new[] { "exa mple", ScriptMarker, "a/b", "a..b", "[zz]" })
        {
            var response = await RawHttp.SendAsync(fixture.Address, "GET", "/", host);

            Assert.Equal(400, response.Status);
            Assert.DoesNotContain(ScriptMarker, response.Body);
        }
    }

    [Fact]
    public async Task TheErrorPageRendersWhenVisited()
    {
        var response = await RawHttp.SendAsync(fixture.Address, "GET", "/error", "portal.example");

        Assert.Equal(200, response.Status);
        Assert.Contains("Something went wrong", response.Body);
    }

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/sessions", 200)]
    [InlineData("/sessions/ga/75?page=2", 200)]
    [InlineData("/sessions/ga/75/items/71", 200)]
    [InlineData("/A/75/778", 200)]
    [InlineData("/documents/1", 200)]
    [InlineData("/search?q=letter", 200)]
    [InlineData("/Z/999/999", 404)]
    [InlineData("/not-found", 200)]
    public async Task PagesAnswerHeadLikeGetWithoutABody(string path, int status)
    {
        var get = await RawHttp.SendAsync(fixture.Address, "GET", path, "portal.example");
        var head = await RawHttp.SendAsync(fixture.Address, "HEAD", path, "portal.example");

        Assert.Equal(status, get.Status);
        Assert.Equal(get.Status, head.Status);
        Assert.Equal(get.Headers["Content-Type"], head.Headers["Content-Type"]);
        Assert.Equal(get.Headers["Content-Security-Policy"].Split("nonce-")[0], head.Headers["Content-Security-Policy"].Split("nonce-")[0]);
        Assert.Equal("", head.Body);
        Assert.NotEqual("", get.Body);
    }

    [Theory]
    [InlineData("/search?q=a/75/778", "/A/75/778")]
    [InlineData("/search?q=A%2F75%2F778", "/A/75/778")]
    public async Task RedirectsToTheSymbolAreRelativeWhateverTheHostHeaderSays(string path, string expected)
    {
        var response = await RawHttp.SendAsync(fixture.Address, "GET", path, "evil.example");

        Assert.True(response.Status is 301 or 302 or 303 or 307 or 308, $"expected a redirect, got {response.Status}");
        Assert.Equal(expected, response.Headers["Location"]);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/sessions/ga/75/items/71", "text/html")]
    [InlineData("/no/such/page", "text/html")]
    [InlineData("/documents/1/zh.txt", "text/plain")]
    [InlineData("/Z/1/zh.md", null)]
    [InlineData("/app.css", "text/css")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path, string? contentType)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        if (contentType is not null)
        {
            Assert.StartsWith(contentType, response.Content.Headers.ContentType?.MediaType);
        }
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}';", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        var cacheControl = Header(response, "Cache-Control");
        if (contentType == "text/html")
        {
            Assert.Contains("no-store", cacheControl);
        }
        else if (path.StartsWith("/Z/", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal))
        {
            Assert.Contains("private", cacheControl);
        }
    }

    [Fact]
    public async Task TheImportMapCarriesTheNonceOfItsResponse()
    {
        using var client = Client();
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        Assert.Contains($"nonce=\"{nonce}\"", System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*importmap[^>]*>").Value);
        Assert.DoesNotMatch("<script(?![^>]*\\b(src|nonce)=)[^>]*>", html);
    }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Address };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");
}
