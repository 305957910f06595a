using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Localization;

/// <summary>
/// The interface language in real Chromium: the app bar's switcher, the live page (the Blazor circuit)
/// keeping the chosen language, and Arabic mirroring the whole layout, with screenshots of both
/// directions saved under the test output folder (screenshots/) for a person to look at.
/// </summary>
public class InterfaceLanguageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task TheSwitcherReloadsTheSamePageInTheChosenLanguageAndTheLivePageKeepsIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sessions/ga/75");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator(".interface-language summary").ClickAsync();
        await page.Locator(".interface-language button[value='fr']").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.EndsWith("/sessions/ga/75", page.Url);
        await BrowserFixture.WaitForInteractiveAsync(page);
        // Rendered by the circuit now: it took the language from the cookie.
        await Assertions.Expect(page.Locator(".portal-brand .brand-full")).ToHaveTextAsync("Portail des documents de l’ONU");
        await Assertions.Expect(page.Locator(".interface-language summary .current-name")).ToHaveTextAsync("Français");

        // An in-page navigation (no new request) stays in French, and so does a new page.
        await page.Locator(".portal-brand").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afficher ou masquer la navigation" })).ToBeVisibleAsync();
        var another = await page.Context.NewPageAsync();
        await another.GotoAsync("/search?q=Demoland");
        await Assertions.Expect(another.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }

    [Fact]
    public async Task AUiParameterReachesTheLivePage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sessions?ui=zh");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator(".portal-brand .brand-full")).ToHaveTextAsync("联合国文件门户");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
    }

    [Fact]
    public async Task ArabicMirrorsTheLayout()
    {
        var english = await MeasureAsync("en");
        var arabic = await MeasureAsync("ar");

        Assert.Equal(("ltr", "ltr"), (english.HtmlDirection, english.BodyDirection));
        Assert.Equal(("rtl", "rtl"), (arabic.HtmlDirection, arabic.BodyDirection));
        // Symbols stay whole, left to right, inside Arabic lines.
        Assert.Equal("ltr isolate", arabic.SymbolBidi);

        // English: menu button, then the title, from the left; the drawer on the left of the content.
        Assert.True(english.MenuButton.X < english.Brand.X, "en: the menu button is left of the title");
        Assert.True(english.Drawer.X < 1, $"en: the drawer starts at the left edge ({english.Drawer.X})");
        Assert.True(english.Main.X >= english.Drawer.X + english.Drawer.Width - 1, "en: the content is right of the drawer");

        // Arabic: the same, mirrored.
        Assert.True(arabic.MenuButton.X > arabic.Brand.X, "ar: the menu button is right of the title");
        Assert.True(Math.Abs(arabic.Drawer.X + arabic.Drawer.Width - Width) < 1, $"ar: the drawer ends at the right edge ({arabic.Drawer.X} + {arabic.Drawer.Width})");
        Assert.True(arabic.Main.X + arabic.Main.Width <= arabic.Drawer.X + 1, "ar: the content is left of the drawer");
        Assert.True(Math.Abs(arabic.MenuButton.X + arabic.MenuButton.Width - (Width - english.MenuButton.X)) < 2,
            $"ar: the menu button sits where English puts it, mirrored ({arabic.MenuButton.X}, en {english.MenuButton.X})");
        Assert.True(english.HeadingText[0] - english.Main.X < 40, "en: the heading's text starts at the left of the content");
        Assert.True(arabic.Main.X + arabic.Main.Width - (arabic.HeadingText[0] + arabic.HeadingText[1]) < 40, "ar: the heading's text starts at the right of the content");
    }

    private const int Width = 1280;

    private sealed record Layout(string HtmlDirection, string BodyDirection, string SymbolBidi, LocatorBoundingBoxResult MenuButton, LocatorBoundingBoxResult Brand,
        LocatorBoundingBoxResult Drawer, LocatorBoundingBoxResult Main, double[] HeadingText);

    private async Task<Layout> MeasureAsync(string language)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new() { Width = Width, Height = 900 },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"/sessions/ga/75?ui={language}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeVisibleAsync();

        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, $"session-75-{language}.png");
        await page.ScreenshotAsync(new() { Path = file });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");

        async Task<LocatorBoundingBoxResult> Box(string selector) =>
            await page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not displayed");
        var layout = new Layout(
            await page.EvaluateAsync<string>("document.documentElement.dir"),
            await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"),
            await page.EvaluateAsync<string>("(() => { const s = getComputedStyle(document.querySelector('main#main .symbol')); return s.direction + ' ' + s.unicodeBidi; })()"),
            await Box("header.mud-appbar .mud-icon-button"),
            await Box(".portal-brand"),
            await Box(".mud-drawer"),
            await Box("main#main"),
            // The text itself, not the heading's block box (which spans the column in both directions).
            await page.EvaluateAsync<double[]>("() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('main#main h1')); const b = r.getBoundingClientRect(); return [b.x, b.width]; }"));
        await context.CloseAsync();
        return layout;
    }
}
