using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Catalogue;

/// <summary>
/// Every link on every kind of page has an accessible name, so screen readers and sighted visitors
/// alike have something to follow: text, an aria-label (or aria-labelledby) or an image's alt text.
/// </summary>
public class LinkNamesTests(LinkNamesTests.Fixture fixture) : IClassFixture<LinkNamesTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    [Theory]
    [InlineData("/", HttpStatusCode.OK, "Issued most recently")]
    [InlineData("/sessions", HttpStatusCode.OK, "Security Council, 2021")]
    [InlineData("/sessions/ga/75", HttpStatusCode.OK, "Right of peoples to self-determination")]
    [InlineData("/sessions/ga/75/items/71", HttpStatusCode.OK, "A/75/950")]
    [InlineData("/sessions/ga/75/items/98", HttpStatusCode.OK, "No documents for this agenda item")]
    [InlineData("/A/75/778", HttpStatusCode.OK, "Replied to by")]
    [InlineData("/documents/1", HttpStatusCode.OK, "2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信")]
    [InlineData("/search?q=Demoland", HttpStatusCode.OK, "found")]
    [InlineData("/nope", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/A/75/12345", HttpStatusCode.NotFound, "Document not found")]
    public async Task EveryLinkHasAnAccessibleName(string path, HttpStatusCode status, string marker)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(marker, html);

        var document = new HtmlParser().ParseDocument(html);
        var links = document.QuerySelectorAll("a");
        Assert.NotEmpty(links);
        var nameless = links.Where(a => AccessibleName(a, document).Length == 0).Select(a => a.OuterHtml).ToList();

        Assert.True(nameless.Count == 0, $"{path}: links without an accessible name:\n{string.Join("\n", nameless)}");
    }

    [Fact]
    public async Task TheReplyThreadLinksBackToTheSeedLetterByName()
    {
        using var client = fixture.CreateClient();
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/A/75/778"));

        var repliedToBy = Assert.Single(document.QuerySelectorAll(".references a.reference.held"));
        Assert.Equal("/documents/1", repliedToBy.GetAttribute("href"));
        Assert.Equal("Letter dated 30 March 2021 from Armenia", repliedToBy.TextContent.Trim());
        var thread = document.QuerySelectorAll(".reply-thread a");
        Assert.Contains(thread, a => a.GetAttribute("href") == "/documents/1" && a.TextContent.Trim() == "Letter dated 30 March 2021 from Armenia");
    }

    [Fact]
    public async Task InAChineseInterfaceTheSeedLetterIsNamedInChineseAndEnglishTitlesAreMarkedEnglish()
    {
        using var client = fixture.CreateClient(new() { HandleCookies = false });
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/A/75/778?ui=zh"));

        Assert.Equal("2021年3月30日亚美尼亚的信", document.QuerySelector(".references a.reference.held")!.TextContent.Trim());
        // The catalogue titles beside the names are English data: marked so, whatever the interface language.
        var titles = document.QuerySelectorAll(".reply-thread .thread-title, .references .reference-title [lang]");
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Equal("en", t.GetAttribute("lang")));
    }

    private static string AccessibleName(IElement link, IDocument document)
    {
        if (link.GetAttribute("aria-label") is { } label && label.Trim().Length > 0)
        {
            return label.Trim();
        }
        if (link.GetAttribute("aria-labelledby") is { } ids)
        {
            var text = string.Join(" ", ids.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => document.GetElementById(id)?.TextContent.Trim() ?? "")).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }
        var images = string.Join(" ", link.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt")!.Trim()));
        return (link.TextContent.Trim() + " " + images).Trim();
    }
}
