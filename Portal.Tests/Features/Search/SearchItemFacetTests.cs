using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>The search page's agenda-item facet names each item by its title in the interface's language, marked when it has to be in another.</summary>
public sealed class SearchItemFacetTests(SearchItemFacetTests.App app) : IClassFixture<SearchItemFacetTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The facet link that narrows a search for "Demoland" to the agenda item <paramref name="item"/> ("ga-75-71").</summary>
    private async Task<AngleSharp.Dom.IElement> FacetLinkAsync(string language, string item)
    {
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync($"/search?q=Demoland&ui={language}", Cancel));
        return page.QuerySelectorAll("nav.search-facets a").Single(a => a.GetAttribute("href")!.EndsWith($"item={item}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ar", "ga-75-71", "حق الشعوب في تقرير المصير")]
    [InlineData("zh", "ga-75-34", "预防武装冲突")]
    [InlineData("fr", "ga-75-71", "Droit des peuples à l’autodétermination")]
    [InlineData("en", "ga-75-71", "Right of peoples to self-determination")]
    public async Task AnItemIsNamedByItsTitleInTheInterfacesLanguage(string language, string item, string title)
    {
        var link = await FacetLinkAsync(language, item);

        Assert.EndsWith(title, link.TextContent.Trim());
        Assert.Empty(link.QuerySelectorAll("[lang]"));
    }

    [Theory]
    [InlineData("ar", "ga-75-34", "Prevention of armed conflict", "، البند 34: ")]
    [InlineData("zh", "ga-76-74", "Right of peoples to self-determination", "，项目 74：")]
    [InlineData("fr", "ga-76-74", "Right of peoples to self-determination", ", point 74 : ")]
    public async Task AnItemTitledOnlyInEnglishHasItsTitleMarkedEnglishInTheLabel(string language, string item, string title, string around)
    {
        var link = await FacetLinkAsync(language, item);

        var marked = Assert.Single(link.QuerySelectorAll("span[lang]"));
        Assert.Equal(title, marked.TextContent);
        Assert.Equal("en", marked.GetAttribute("lang"));
        Assert.Equal("ltr", marked.GetAttribute("dir"));
        // The words around the title stay in the interface's language, outside the mark.
        Assert.Null(link.GetAttribute("lang"));
        Assert.Contains(around, link.TextContent);
        Assert.DoesNotContain(around, marked.TextContent);
    }
}
