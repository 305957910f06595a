using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Components.Layout;

/// <summary>
/// The layout's structure as a screen reader reads it, on the server's HTML of a static page, an interactive one
/// and the search page: a skip link first, no heading before the page's h1, and landmarks that are named, told
/// apart and not nested in one of their own kind, and a menu button that names its drawer.
/// </summary>
public class LayoutLandmarksTests(LayoutLandmarksTests.Fixture fixture) : IClassFixture<LayoutLandmarksTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    public static TheoryData<string> Pages => ["/", "/sessions/ga/75", "/search?q=Demoland", "/today?date=2021-06-14"];

    private const string Focusable = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";

    private async Task<IDocument> OpenAsync(string path)
    {
        using var client = fixture.CreateClient();
        return new HtmlParser().ParseDocument(await client.GetStringAsync(path));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TheFirstFocusableElementSkipsToTheMainContentOfTheSamePage(string path)
    {
        var document = await OpenAsync(path);

        var first = document.Body!.QuerySelector(Focusable)!;
        Assert.Equal("a", first.LocalName);
        Assert.Equal("Skip to main content", first.TextContent.Trim());
        Assert.Equal(path + "#main", first.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#main"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoHeadingComesBeforeThePagesH1(string path)
    {
        var document = await OpenAsync(path);

        // The menu comes before <main> in the source: its organ names label their lists of sessions, they are not headings.
        var first = document.Body!.QuerySelector("h1, h2, h3, h4, h5, h6, [role=heading]")!;
        Assert.Equal("h1", first.LocalName);
        Assert.Null(document.QuerySelector("header.mud-appbar")!.QuerySelector("h1, h2, h3, h4, h5, h6, [role=heading]"));
    }

    [Fact]
    public async Task TheMenuNamesEachListOfSessionsByItsOrgan()
    {
        var document = await OpenAsync("/");

        var lists = document.QuerySelectorAll("nav ul.portal-nav-sessions").ToList();
        Assert.Equal(["General Assembly", "Security Council", "Economic and Social Council"],
            lists.Select(list => document.GetElementById(list.GetAttribute("aria-labelledby")!)?.TextContent.Trim()));
        Assert.All(lists, list => Assert.NotEmpty(list.QuerySelectorAll("li > a[href^='/sessions/']")));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryNavigationAndSearchLandmarkHasItsOwnNameAndNoneIsNestedInAnother(string path)
    {
        var document = await OpenAsync(path);

        foreach (var role in new[] { "navigation", "search" })
        {
            var landmarks = document.QuerySelectorAll(role == "navigation" ? "nav, [role=navigation]" : "[role=search], search").ToList();
            Assert.All(landmarks, landmark => Assert.Null(landmark.ParentElement!.Closest(role == "navigation" ? "nav, [role=navigation]" : "[role=search], search")));
            var names = landmarks.Select(l => l.GetAttribute("aria-label")).ToList();
            Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name), $"{path}: an unnamed {role} landmark"));
            Assert.Equal(names.Count, names.Distinct().Count());
        }
        if (path.StartsWith("/search", StringComparison.Ordinal))
        {
            Assert.Equal(["Quick search", "Document search"], document.QuerySelectorAll("[role=search]").Select(f => f.GetAttribute("aria-label")));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TheMenuButtonNamesTheDrawerItOpens(string path)
    {
        var document = await OpenAsync(path);

        var button = document.QuerySelector("[data-menu-toggle]")!;
        Assert.NotNull(button.GetAttribute("aria-expanded"));
        var drawer = document.GetElementById(button.GetAttribute("aria-controls") ?? "");
        Assert.NotNull(drawer);
        Assert.Contains("mud-drawer", drawer.ClassList);
    }
}
