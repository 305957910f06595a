using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// A version's printed header names its agenda items by their titles in the version's language; an item
/// without a title in it keeps its English one, marked as English inside the version's text.
/// </summary>
public sealed class DocumentHeaderItemTitleTests(DocumentHeaderItemTitleTests.App app) : IClassFixture<DocumentHeaderItemTitleTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The title of agenda item <paramref name="item"/> in the header of the version at <paramref name="path"/>.</summary>
    private async Task<AngleSharp.Dom.IElement> ItemTitleAsync(string path, int item)
    {
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync(path, Cancel));
        var link = page.QuerySelectorAll("article.un-document .un-agenda-titles a")
            .Single(a => a.GetAttribute("href")!.EndsWith($"/items/{item}", StringComparison.Ordinal));
        return link.QuerySelector(".item-number + span")!;
    }

    [Theory]
    [InlineData("/ar/A/75/950?ui=en", 71, "حق الشعوب في تقرير المصير")]
    [InlineData("/zh/A/75/300?ui=fr", 72, "促进和保护人权")]
    [InlineData("/fr/A/75/960?ui=ar", 34, "Prévention des conflits armés")]
    public async Task AnItemIsNamedInTheVersionsLanguage(string path, int item, string title)
    {
        var shown = await ItemTitleAsync(path, item);

        Assert.Equal(title, shown.TextContent);
        Assert.Null(shown.GetAttribute("lang"));
        Assert.Null(shown.GetAttribute("dir"));
    }

    [Theory]
    [InlineData("/ar/A/75/300", 72, "Promotion and protection of human rights")]
    [InlineData("/es/A/75/960", 34, "Prevention of armed conflict")]
    [InlineData("/es/A/75/960", 71, "Right of peoples to self-determination")]
    public async Task AnItemTitledOnlyInEnglishIsMarkedEnglish(string path, int item, string title)
    {
        var shown = await ItemTitleAsync(path, item);

        Assert.Equal(title, shown.TextContent);
        Assert.Equal("en", shown.GetAttribute("lang"));
        Assert.Equal("ltr", shown.GetAttribute("dir"));
    }
}
