using System.Net;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// The dark theme in real Chromium: it follows the system's preference until the visitor chooses with the app bar's
/// switch (a button that works from the keyboard), the choice is remembered in a cookie and written by the server on
/// the first response of every page, static ones included, so no page is ever painted in the other theme first. A
/// screenshot of a document page in dark is saved under the test output folder (screenshots/).
/// </summary>
public class ColorThemeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DarkBackground = "rgb(18, 20, 23)";
    private const string LightBackground = "rgb(255, 255, 255)";
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task WithoutAChoiceThePageFollowsTheSystemPreference()
    {
        var dark = await browser.NewPageAsync(colorScheme: ColorScheme.Dark);
        await dark.GotoAsync("/A/75/778");
        Assert.Equal(DarkBackground, await BackgroundAsync(dark));
        await Assertions.Expect(dark.GetByRole(AriaRole.Button, new() { Name = "Switch to the light theme" })).ToBeVisibleAsync();
        await Assertions.Expect(dark.GetByRole(AriaRole.Button, new() { Name = "Switch to the dark theme" })).ToHaveCountAsync(0);

        var light = await browser.NewPageAsync(colorScheme: ColorScheme.Light);
        await light.GotoAsync("/A/75/778");
        Assert.Equal(LightBackground, await BackgroundAsync(light));
        await Assertions.Expect(light.GetByRole(AriaRole.Button, new() { Name = "Switch to the dark theme" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheSwitchWorksFromTheKeyboardAndEveryPageComesInTheChosenTheme()
    {
        var page = await browser.NewPageAsync(colorScheme: ColorScheme.Light);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/A/75/778");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Reached with Tab from the language switcher before it, and pressed with Enter.
        await page.Locator(".interface-language summary").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to the dark theme" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("/A/75/778", new Uri(page.Url).PathAndQuery);
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        await BrowserFixture.WaitForInteractiveAsync(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, "document-dark.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");

        // The document's own parts are in the dark palette too: its text, the header's rules, links.
        Assert.Equal("rgb(232, 234, 237)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.un-document')).color"));
        Assert.Equal("rgb(200, 204, 210)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.un-header')).borderBottomColor"));

        // The server writes the choice into the first response of a static page and of a live one.
        foreach (var path in new[] { "/sessions/ga/75", "/search?q=Demoland" })
        {
            var response = await page.Context.APIRequest.GetAsync(path);
            Assert.Contains("data-theme=\"dark\"", await response.TextAsync());
        }
        var search = await page.Context.NewPageAsync();
        await search.GotoAsync("/search?q=Demoland");
        await BrowserFixture.WaitForInteractiveAsync(search);
        Assert.Equal(DarkBackground, await BackgroundAsync(search));
        Assert.Equal("rgb(255, 255, 255)", await search.EvaluateAsync<string>("getComputedStyle(document.querySelector('.search-snippet mark')).color"));

        // And back: the system prefers light, so light it is once chosen again.
        await search.GetByRole(AriaRole.Button, new() { Name = "Switch to the light theme" }).ClickAsync();
        await Assertions.Expect(search.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        Assert.Equal(LightBackground, await BackgroundAsync(search));
    }

    [Fact]
    public async Task AChosenLightThemeOverridesADarkSystem()
    {
        var page = await browser.NewPageAsync(colorScheme: ColorScheme.Dark);
        await page.GotoAsync("/interface-theme?theme=light&return=%2Fsessions");
        Assert.Equal("/sessions", new Uri(page.Url).PathAndQuery);
        Assert.Equal(LightBackground, await BackgroundAsync(page));
    }

    [Fact]
    public async Task AnUnknownThemeIsABadRequestWithAReason()
    {
        var page = await browser.NewPageAsync();
        var response = await page.APIRequest.GetAsync("/interface-theme?theme=purple&return=%2F");
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("“purple” is not a theme", await response.TextAsync());
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
}
