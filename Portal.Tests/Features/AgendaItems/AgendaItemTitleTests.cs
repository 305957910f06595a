using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Features.AgendaItems;

/// <summary>The agenda item's heading in the interface's language, marked when it has to be in another.</summary>
public sealed partial class AgendaItemTitleTests(AgendaItemTitleTests.App app) : IClassFixture<AgendaItemTitleTests.App>
{
    public sealed class App : PortalAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(string Heading, string Title)> HeadingAsync(string path)
    {
        using var visitor = new HttpClient { BaseAddress = app.BaseAddress };
        var page = await visitor.GetStringAsync(path, Cancel);
        return (H1().Match(page).Value, PageTitle().Match(page).Groups[1].Value);
    }

    [Theory]
    [InlineData("ar", "حق الشعوب في تقرير المصير")]
    [InlineData("en", "Right of peoples to self-determination")]
    public async Task TheHeadingIsTheTitleInTheInterfacesLanguage(string language, string title)
    {
        var (heading, pageTitle) = await HeadingAsync($"/sessions/ga/75/items/71?ui={language}");

        Assert.Contains($">{title}</h1>", heading);
        Assert.DoesNotContain("lang=", heading);
        Assert.Contains(title, pageTitle);
    }

    [Fact]
    public async Task ATitleHeldOnlyInEnglishIsMarkedEnglishInAnotherInterface()
    {
        var (heading, _) = await HeadingAsync("/sessions/ga/75/items/98?ui=ar");

        Assert.Contains("lang=\"en\"", heading);
        Assert.Contains("dir=\"ltr\"", heading);
    }

    [GeneratedRegex("<h1[^>]*>[^<]*</h1>")]
    private static partial Regex H1();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex PageTitle();
}
