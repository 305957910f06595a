using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The static assets every page links, fetched through the URLs the page itself links: precompressed
/// (MudBlazor's package assets included, see FingerprintPackageStaticWebAssets in Portal.csproj) and
/// cached as immutable when the URL is fingerprinted.
/// </summary>
public partial class StaticAssetTests(StaticAssetTests.Fixture fixture) : IClassFixture<StaticAssetTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        protected override bool SeedDemoData => false;

        // Tests run from the build output, where MapStaticAssets reloads changed files at runtime and
        // answers every asset with no-cache; a published portal does not. Turn that off to see the headers
        // the manifest gives in production.
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("ReloadStaticAssetsAtRuntime", "false")];
    }

    [GeneratedRegex("""(?:href|src)="(?<url>[^"]*_content/MudBlazor/MudBlazor\.min\.[a-z0-9]+\.(?:css|js))""")]
    private static partial Regex MudBlazorAssetUrl();

    private async Task<string[]> LinkedMudBlazorUrlsAsync()
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync("/");
        var urls = MudBlazorAssetUrl().Matches(html).Select(m => "/" + m.Groups["url"].Value.TrimStart('/')).ToArray();
        Assert.Equal(2, urls.Length); // MudBlazor.min.<fingerprint>.css and .js, linked through @Assets[...]
        return urls;
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task MudBlazorAssetsAreServedPrecompressedAndImmutableFromTheirFingerprintedUrls(string encoding)
    {
        using var client = fixture.CreateClient();
        foreach (var url in await LinkedMudBlazorUrlsAsync())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{url}: {response.Headers.CacheControl}");
            Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
            // MudBlazor.min.css is 627 KB uncompressed; the Brotli copy is about 42 KB.
            Assert.True(body.Length < 100_000, $"{url} sent {body.Length} bytes as {encoding}");
        }
    }

    [Fact]
    public async Task AnAssetIsSentUncompressedToAClientThatDoesNotAskForCompression()
    {
        using var client = fixture.CreateClient();
        var css = (await LinkedMudBlazorUrlsAsync()).Single(u => u.EndsWith(".css", StringComparison.Ordinal));
        using var response = await client.GetAsync(css);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains(".mud-", await response.Content.ReadAsStringAsync());
    }
}
