using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Sessions;

/// <summary>The session page lists its agenda items by their titles in the interface's language, marked when one has to be in another.</summary>
public sealed class SessionItemTitleTests(SessionItemTitleTests.App app) : IClassFixture<SessionItemTitleTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The title cell of each agenda item of the GA's 75th session, by item number.</summary>
    private async Task<Dictionary<int, AngleSharp.Dom.IElement>> TitlesAsync(string language)
    {
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync($"/sessions/ga/75?ui={language}", Cancel));
        return page.QuerySelectorAll("table tbody tr").ToDictionary(
            row => int.Parse(row.Children[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            row => row.Children[1].QuerySelector("a, span.agenda-item-empty")!);
    }

    [Theory]
    [InlineData("ar", 71, "حق الشعوب في تقرير المصير")]
    [InlineData("zh", 34, "预防武装冲突")]
    [InlineData("zh", 71, "人民自决的权利")]
    [InlineData("fr", 71, "Droit des peuples à l’autodétermination")]
    [InlineData("en", 71, "Right of peoples to self-determination")]
    public async Task AnItemIsListedByItsTitleInTheInterfacesLanguage(string language, int item, string title)
    {
        var shown = (await TitlesAsync(language))[item];

        Assert.Equal(title, shown.TextContent.Trim());
        Assert.Null(shown.GetAttribute("lang"));
        Assert.Null(shown.GetAttribute("dir"));
    }

    [Theory]
    [InlineData("ar", 34, "Prevention of armed conflict")]
    [InlineData("ar", 72, "Promotion and protection of human rights")]
    [InlineData("zh", 98, "General and complete disarmament")] // an item without documents: plain text, not a link
    [InlineData("fr", 135, "Responsibility to protect")]
    public async Task AnItemTitledOnlyInEnglishIsMarkedEnglish(string language, int item, string title)
    {
        var shown = (await TitlesAsync(language))[item];

        Assert.StartsWith(title, shown.TextContent.Trim());
        Assert.Equal("en", shown.GetAttribute("lang"));
        Assert.Equal("ltr", shown.GetAttribute("dir"));
    }
}
