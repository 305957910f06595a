using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// The layout on phones and tablets (issue #12), measured in Chromium at 360, 390 and 768 px, with a
/// screenshot of each page saved under the test output folder (screenshots/) for a person to look at.
/// </summary>
public class SmallScreenLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private async Task<IPage> OpenAsync(int width, string path, bool javaScript = true)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = width >= 768 ? 1024 : 800 },
            IsMobile = width < 768,
            HasTouch = width < 768,
            DeviceScaleFactor = 1,
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        if (javaScript)
        {
            await BrowserFixture.WaitForInteractiveAsync(page);
        }
        return page;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = file });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");
    }

    private static Task<double> NumberAsync(IPage page, string script) => page.EvaluateAsync<double>(script);

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    [InlineData(768)]
    public async Task TheAppBarStaysOneRowWithTheTitleInsideAndRoomToSearch(int width)
    {
        var page = await OpenAsync(width, "/");
        await SaveScreenshotAsync(page, $"home-{width}");

        var bar = await page.Locator("header.mud-appbar").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.InRange(bar.Height, 48, 72);

        // The brand link shows one line, inside the bar, and nothing in it is cut off.
        var brand = page.Locator(".portal-brand");
        var brandBox = await brand.BoundingBoxAsync();
        Assert.NotNull(brandBox);
        Assert.True(brandBox.Y >= bar.Y && brandBox.Y + brandBox.Height <= bar.Y + bar.Height, $"the title ({brandBox.Y}+{brandBox.Height}) stays inside the app bar ({bar.Height} px)");
        Assert.True(await brand.EvaluateAsync<bool>("e => [...e.querySelectorAll('*'), e].filter(x => x.getClientRects().length > 0).every(x => x.scrollWidth <= x.clientWidth + 1 || getComputedStyle(x).display === 'inline')"),
            "no part of the title overflows its box");
        Assert.True(await brand.EvaluateAsync<double>("e => e.getClientRects().length") <= 1, "the title is one line");
        Assert.True(await NumberAsync(page, "document.documentElement.scrollWidth") <= width, "nothing makes the page scroll sideways");

        // Focused, the search box is wide enough for its whole placeholder, and still in the bar.
        var search = page.Locator("#app-search-q");
        await search.FocusAsync();
        var searchBox = await search.BoundingBoxAsync();
        Assert.NotNull(searchBox);
        var placeholderWidth = await search.EvaluateAsync<double>(
            "e => { const c = document.createElement('canvas').getContext('2d'); const s = getComputedStyle(e); c.font = `${s.fontSize} ${s.fontFamily}`; return c.measureText(e.placeholder).width + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight); }");
        Assert.True(searchBox.Width >= placeholderWidth, $"the focused search box ({searchBox.Width} px) shows its placeholder ({placeholderWidth} px)");
        Assert.True(searchBox.X >= 0 && searchBox.X + searchBox.Width <= width, "the search box stays on screen");
        Assert.True(searchBox.Y >= bar.Y && searchBox.Y + searchBox.Height <= bar.Y + bar.Height, "the search box stays in the app bar");
        await SaveScreenshotAsync(page, $"home-{width}-search-focused");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    public async Task OnAPhoneTheMenuStartsClosedAndOpensOverTheContent(int width)
    {
        var page = await OpenAsync(width, "/");

        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer).Not.ToBeInViewportAsync();
        var main = await page.Locator("main#main").BoundingBoxAsync();
        Assert.NotNull(main);
        Assert.True(main.X < 40, $"the content starts at the left edge ({main.X} px), not beside a menu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "All sessions" })).ToBeInViewportAsync();
        await SaveScreenshotAsync(page, $"menu-open-{width}");
    }

    [Fact]
    public async Task BeforeTheCircuitConnectsThePhoneMenuIsClosedToo()
    {
        // Without script the page stays as prerendered, the state a slow phone shows first.
        var page = await OpenAsync(390, "/", javaScript: false);
        await SaveScreenshotAsync(page, "home-390-prerendered");

        await Assertions.Expect(page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "All sessions" })).Not.ToBeVisibleAsync();
        var main = await page.Locator("main#main").BoundingBoxAsync();
        Assert.True(main!.X < 40, $"the content starts at the left edge ({main.X} px)");
    }

    [Fact]
    public async Task OnADesktopTheMenuStartsOpen()
    {
        var page = await OpenAsync(1280, "/");

        await Assertions.Expect(page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "All sessions" })).ToBeInViewportAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(390)]
    [InlineData(768)]
    public async Task OnASmallScreenTheFirstSearchResultComesBeforeTheFiltersWhichOpenFromAButton(int width)
    {
        var page = await OpenAsync(width, "/search?q=Demoland");
        await SaveScreenshotAsync(page, $"search-{width}");

        var viewport = page.ViewportSize!;
        var first = await page.Locator(".search-result").First.BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.True(first.Y + 40 <= viewport.Height, $"the first result ({first.Y} px) shows in the first screen ({viewport.Height} px)");

        var filters = page.GetByRole(AriaRole.Button, new() { Name = "Filters" });
        await Assertions.Expect(page.Locator(".search-facets")).Not.ToBeVisibleAsync();
        await filters.ClickAsync();
        await Assertions.Expect(filters).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".search-facets").GetByRole(AriaRole.Heading, new() { Name = "Language" })).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, $"search-{width}-filters");
    }

    [Fact]
    public async Task OnADesktopTheFiltersStandBesideTheResults()
    {
        var page = await OpenAsync(1280, "/search?q=Demoland");

        await Assertions.Expect(page.Locator(".search-facets")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Filters" })).Not.ToBeVisibleAsync();
        var facets = await page.Locator(".search-facets").BoundingBoxAsync();
        var first = await page.Locator(".search-result").First.BoundingBoxAsync();
        Assert.True(facets!.X + facets.Width <= first!.X, "the filters stand to the left of the results");
    }

    [Fact]
    public async Task OnAPhoneTheDocumentPageFitsTheScreenWidth()
    {
        var page = await OpenAsync(390, "/A/75/778");
        await SaveScreenshotAsync(page, "document-390");

        Assert.True(await NumberAsync(page, "document.documentElement.scrollWidth") <= 390, "the document page does not scroll sideways");
    }
}
