using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Shared;

/// <summary>Favicon, meta descriptions and absolute canonical links in the first HTML response (issue #12).</summary>
public partial class PageHeadTests(PageHeadTests.Fixture fixture) : IClassFixture<PageHeadTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:PublicBaseUrl", "https://documents.example.org/")];
    }

    private async Task<string> HtmlAsync(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheFaviconIsLinkedFromEveryPageAndServedAsAnImage()
    {
        var html = await HtmlAsync("/");
        var href = FaviconLink().Match(WebUtility.HtmlDecode(html));
        Assert.True(href.Success, "the page links an SVG favicon");

        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(href.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/", "https://documents.example.org/", "by session and agenda item")]
    [InlineData("/sessions", "https://documents.example.org/sessions", "sessions of the General Assembly")]
    [InlineData("/sessions/ga/75", "https://documents.example.org/sessions/ga/75", "The agenda of the General Assembly, 75th session")]
    [InlineData("/sessions/ga/75/items/71", "https://documents.example.org/sessions/ga/75/items/71", "agenda item 71, Right of peoples to self-determination")]
    [InlineData("/search?q=Demoland", "https://documents.example.org/search?q=Demoland", "UN documents matching “Demoland”")]
    [InlineData("/en/A/75/950", "https://documents.example.org/", "A/75/950: Letter dated 3 May 2021")]
    public async Task EachPageDescribesItselfAndNamesItsAbsoluteCanonicalUrl(string path, string canonicalStart, string description)
    {
        var html = await HtmlAsync(path);

        var canonical = Regex.Matches(html, "<link rel=\"canonical\" href=\"([^\"]+)\"");
        var link = Assert.Single(canonical).Groups[1].Value;
        Assert.StartsWith(canonicalStart, link);
        var meta = Regex.Matches(html, "<meta name=\"description\" content=\"([^\"]+)\"");
        Assert.Contains(description, WebUtility.HtmlDecode(Assert.Single(meta).Groups[1].Value));
    }

    [Fact]
    public async Task TheDocumentPageShowsItsPermalinkAbsolute()
    {
        var html = await HtmlAsync("/A/75/950");

        Assert.Matches("id=\"permalink\">https://documents.example.org/documents/\\d+|id=\"permalink\">https://documents.example.org/A/75/950", html);
    }

    [Theory]
    [InlineData(null, "http://localhost/", "/A/75/950", "http://localhost/A/75/950")]
    [InlineData("https://un.example.org", "http://localhost/", "/A/75/950", "https://un.example.org/A/75/950")]
    [InlineData("https://un.example.org/portal/", "http://evil.example/", "/", "https://un.example.org/portal/")]
    public void AbsoluteUrlsPreferTheConfiguredBaseOverTheRequest(string? configured, string request, string path, string expected) =>
        Assert.Equal(expected, PublicUrls.Absolute(configured, request, path));

    [GeneratedRegex("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"")]
    private static partial Regex FaviconLink();
}

/// <summary>The permalink's copy button in a real browser, with the mouse and with the keyboard.</summary>
public class PermalinkCopyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheCopyButtonPutsTheAbsolutePermalinkOnTheClipboardAndSaysSo()
    {
        var page = await browser.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/A/75/950");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var permalink = await page.Locator("#permalink").TextContentAsync();
        Assert.StartsWith(browser.BaseAddress.ToString().TrimEnd('/'), permalink);

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" });
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Link copied" })).ToBeVisibleAsync();
        Assert.Equal(permalink, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }
}
