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

    [GeneratedRegex("""(?:href|src)="(?<url>[^"]*(?:_content/MudBlazor/MudBlazor\.min|mudblazor\.trimmed)\.[a-z0-9]+\.(?:css|js))""")]
    private static partial Regex MudBlazorAssetUrl();

    private async Task<string[]> LinkedMudBlazorUrlsAsync()
    {
        using var client = fixture.CreateClient();
        var html = await client.GetStringAsync("/");
        var urls = MudBlazorAssetUrl().Matches(html).Select(m => "/" + m.Groups["url"].Value.TrimStart('/')).ToArray();
        Assert.Equal(2, urls.Length); // mudblazor.trimmed.<fingerprint>.css and MudBlazor.min.<fingerprint>.js, linked through @Assets[...]
        return urls;
    }

    // Brotli copies are made at publish only: a build that made them too served, while reloading assets
    // at runtime (dotnet run), plain bytes labelled "br", and browsers dropped every stylesheet.
    [Theory]
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

    [Fact]
    public async Task WhatABrowserIsSentDecodesToTheAssetUnderEveryEncodingItAccepts()
    {
        // As `dotnet run` and the browser tests serve them: reloaded at runtime from the build output.
        await using var app = new PortalAppFactory();
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/");
        var urls = AssetUrl().Matches(html).Select(m => "/" + m.Groups["url"].Value.TrimStart('/')).Distinct().ToArray();
        Assert.Contains(urls, u => u.Contains("MudBlazor.min.", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/app.", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
            using var response = await client.SendAsync(request);
            var encoded = await response.Content.ReadAsStreamAsync();
            var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
            await using Stream decoded = encoding switch
            {
                "br" => new System.IO.Compression.BrotliStream(encoded, System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(encoded, System.IO.Compression.CompressionMode.Decompress),
                null => encoded,
                _ => throw new Xunit.Sdk.XunitException($"{url}: unexpected encoding {encoding}"),
            };
            using var reader = new StreamReader(decoded);
            var text = await reader.ReadToEndAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(text.Length > 100 && !text.Contains('\0'), $"{url} sent as {encoding ?? "identity"} does not decode to text");
        }
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetUrl();
}
