using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Shared;

/// <summary>What a delegate reads on the way to a document: breadcrumbs, counts and agenda item rows, over HTTP.</summary>
public class NavigationTextTests(NavigationTextTests.Fixture fixture) : IClassFixture<NavigationTextTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<IDocument> GetAsync(string path)
    {
        using var client = fixture.CreateClient();
        return new HtmlParser().ParseDocument(await client.GetStringAsync(path));
    }

    private static IElement Breadcrumbs(IDocument page) => page.QuerySelector("nav[aria-label='Breadcrumb']")!;

    [Fact]
    public async Task TheDocumentBreadcrumbGoesThroughTheAgendaItemTheVisitorCameFrom()
    {
        var item71 = await GetAsync("/sessions/ga/75/items/71");
        var link = item71.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Letter dated 30 March 2021 from Armenia");
        Assert.Equal("/documents/1?item=71", link.GetAttribute("href"));

        var fromItem71 = Breadcrumbs(await GetAsync(link.GetAttribute("href")!));
        Assert.Equal(["Home", "General Assembly, 75th session", "Item 71"], fromItem71.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal("/sessions/ga/75/items/71", fromItem71.QuerySelectorAll("a")[2].GetAttribute("href"));
    }

    [Theory]
    [InlineData("/documents/1")]
    [InlineData("/documents/1?item=98")]
    [InlineData("/documents/1?item=abc")]
    public async Task WithoutAnItemTheDocumentIsUnderTheBreadcrumbTakesItsFirstItem(string path)
    {
        var trail = Breadcrumbs(await GetAsync(path));

        Assert.Equal("Item 34", trail.QuerySelectorAll("a")[2].TextContent.Trim());
    }

    [Theory]
    [InlineData("/sessions", "Sessions")]
    [InlineData("/sessions/ga/75", "General Assembly, 75th session")]
    [InlineData("/sessions/ga/75/items/71", "Item 71")]
    [InlineData("/documents/1", "Letter dated 30 March 2021 from Armenia")]
    [InlineData("/A/75/778", "A/75/778\u2013S/2021/177")]
    [InlineData("/search?q=Demoland", "Search")]
    public async Task TheCurrentBreadcrumbIsTextMarkedAsTheCurrentPage(string path, string current)
    {
        var page = await GetAsync(path);

        var here = Assert.Single(Breadcrumbs(page).QuerySelectorAll("[aria-current='page']"));
        Assert.Equal("SPAN", here.TagName);
        Assert.Equal(current, here.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("a[href='#']"));
    }

    [Fact]
    public async Task HiddenAndVisibleCountsUseTheSingularForOne()
    {
        var sessions = await GetAsync("/sessions");

        var counts = sessions.QuerySelectorAll(".session-list .count .visually-hidden").Select(e => e.TextContent).ToList();
        Assert.Contains("1 document", counts);
        Assert.DoesNotContain(counts, c => c.StartsWith("1 documents", StringComparison.Ordinal));
        Assert.Contains(counts, c => c.EndsWith(" documents", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"(?<![\d,])1 documents", sessions.Body!.TextContent);
        var single = sessions.QuerySelectorAll(".session-list li").First(li => li.QuerySelector(".visually-hidden")!.TextContent == "1 document");
        var session = await GetAsync(single.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Matches(@"(?<![\d,])1 document\b", session.Body!.TextContent);
        Assert.DoesNotMatch(@"(?<![\d,])1 documents", session.Body!.TextContent);
    }

    [Fact]
    public async Task AnAgendaItemWithoutDocumentsIsPlainTextNotALink()
    {
        var session = await GetAsync("/sessions/ga/75");

        Assert.Empty(session.QuerySelectorAll("a[href='/sessions/ga/75/items/98']"));
        var row = session.QuerySelectorAll(".agenda-items tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "98");
        Assert.Contains("no documents", row.TextContent);
        Assert.NotEmpty(session.QuerySelectorAll("a[href='/sessions/ga/75/items/71']"));
    }
}
