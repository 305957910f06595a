using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy: X-Forwarded-Proto is believed only from the proxies listed in
/// Portal:ForwardedHeaders, and then the portal answers as over HTTPS (HSTS, Secure cookies).
/// Real Kestrel, so the request really comes from 127.0.0.1.
/// </summary>
public class ForwardedHeadersTests
{
    public sealed class TrustedLoopback : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Portal:ForwardedHeaders:KnownProxies:0", "127.0.0.1")];
    }

    public sealed class TrustedElsewhere : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Portal:ForwardedHeaders:KnownProxies:0", "10.9.8.7"), new("Portal:ForwardedHeaders:KnownNetworks:0", "192.168.50.0/24")];
    }

    [Fact]
    public async Task HttpsForwardedByAKnownProxyGetsHstsAndSecureCookies()
    {
        await using var app = new TrustedLoopback();
        var response = await RawHttp.SendAsync(app.StartKestrel(), "GET", "/", "portal.example", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("max-age=", response.Headers["Strict-Transport-Security"]);
        var antiforgery = AntiforgeryCookie(response);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HttpsForwardedByAnUnknownAddressIsIgnored()
    {
        await using var app = new TrustedElsewhere();
        var response = await RawHttp.SendAsync(app.StartKestrel(), "GET", "/", "portal.example", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");

        Assert.Equal(200, response.Status);
        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"), "HSTS sent for a forged X-Forwarded-Proto");
        Assert.DoesNotContain("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttpGetsNoHstsAndNoSecureFlag()
    {
        await using var app = new TrustedLoopback();
        var response = await RawHttp.SendAsync(app.StartKestrel(), "GET", "/", "portal.example");

        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", AntiforgeryCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    private static string AntiforgeryCookie(RawHttp.Response response)
    {
        Assert.True(response.Headers.TryGetValue("Set-Cookie", out var cookies), "the page sets no cookie");
        return cookies.Split(", ").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }
}
