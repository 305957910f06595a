using System.Globalization;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>
/// The layout with the keyboard alone, in Chromium, on a static page (no circuit: static-page.js) and an interactive
/// one: the skip link, the menu drawer's place in the tab order, the focus ring and the language menu's Escape.
/// </summary>
public class KeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string StaticPage = "/sessions/ga/75";
    private const string InteractivePage = "/today?date=2021-06-14";

    public static TheoryData<string> StaticAndInteractivePages => [StaticPage, InteractivePage];

    private async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = 800 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        return page;
    }

    private static Task<bool> FocusIsInAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.closest(s) != null", selector);

    /// <summary>Presses Tab until the focus is in <paramref name="selector"/>; false if it is not after <paramref name="presses"/>.</summary>
    private static async Task<bool> TabIntoAsync(IPage page, string selector, int presses = 40)
    {
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusIsInAsync(page, selector))
            {
                return true;
            }
        }
        return false;
    }

    [Theory]
    [MemberData(nameof(StaticAndInteractivePages))]
    public async Task TheSkipLinkIsTheFirstTabStopShowsWhenFocusedAndMovesTheFocusIntoTheContent(string path)
    {
        var page = await OpenAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToHaveTextAsync("Skip to main content");
        await Assertions.Expect(skip).ToBeInViewportAsync(new() { Ratio = 1 });

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith(path, page.Url.Split('#')[0], StringComparison.Ordinal);
        await Assertions.Expect(skip).Not.ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusIsInAsync(page, "main#main"), "the next Tab stays in the content");
    }

    [Theory]
    [MemberData(nameof(StaticAndInteractivePages))]
    public async Task OnAPhoneTheClosedMenuIsOutOfTheTabOrderAndTheOpenOneIsIn(string path)
    {
        var page = await OpenAsync(path, width: 390);
        var menuButton = page.Locator("[data-menu-toggle]");
        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(menuButton).ToHaveAttributeAsync("aria-controls", (await drawer.GetAttributeAsync("id"))!);

        await Assertions.Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.False(await TabIntoAsync(page, ".mud-drawer", presses: 15), "Tab reached a link of the closed menu");

        await menuButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "All sessions" })).ToBeInViewportAsync();
        Assert.True(await TabIntoAsync(page, ".mud-drawer"), "Tab reaches the open menu");

        await menuButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.False(await TabIntoAsync(page, ".mud-drawer", presses: 15), "Tab reached a link of the menu closed again");
    }

    [Theory]
    [MemberData(nameof(StaticAndInteractivePages))]
    public async Task OnADesktopTheMenuStartsOpenAndSaysSo(string path)
    {
        var page = await OpenAsync(path);

        await Assertions.Expect(page.Locator("[data-menu-toggle]")).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await TabIntoAsync(page, ".mud-drawer"), "Tab reaches the menu");
    }

    /// <summary>
    /// The focused element's outline: drawn, at least 2 px, and at 3:1 or more against what is behind it (the app bar,
    /// or the page), so it is seen in the light theme's white page and blue bar alike.
    /// </summary>
    [Theory]
    [InlineData("[data-menu-toggle]", "header.mud-appbar")]
    [InlineData(".app-search button[type=submit]", "header.mud-appbar")]
    [InlineData(".interface-language summary", "header.mud-appbar")]
    [InlineData("main#main a", "body")]
    public async Task TheFocusedControlHasAVisibleRing(string control, string background)
    {
        var page = await OpenAsync(StaticPage);

        Assert.True(await TabIntoAsync(page, control), $"Tab reaches {control}");
        var outline = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        var behind = await page.EvaluateAsync<string>("s => getComputedStyle(document.querySelector(s)).backgroundColor", background);

        Assert.NotEqual("none", outline[0]);
        Assert.True(double.Parse(outline[1].Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 2, $"{control}'s outline is {outline[1]} wide");
        var contrast = Contrast(outline[2], behind);
        Assert.True(contrast >= 3, $"{control}'s ring {outline[2]} has {contrast:0.00}:1 against {behind}");
    }

    [Theory]
    [MemberData(nameof(StaticAndInteractivePages))]
    public async Task EscapeClosesTheLanguageMenuAndReturnsTheFocusToIt(string path)
    {
        var page = await OpenAsync(path);
        var menu = page.Locator("details.interface-language");
        var summary = menu.Locator("summary");

        Assert.True(await TabIntoAsync(page, "details.interface-language summary"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveJSPropertyAsync("open", true);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(menu.GetByRole(AriaRole.Button).First).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveJSPropertyAsync("open", false);
        await Assertions.Expect(summary).ToBeFocusedAsync();
    }

    /// <summary>WCAG's contrast ratio of two CSS colours given as <c>rgb(r, g, b)</c>.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string css)
        {
            var channels = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
                .Split(',').Take(3).Select(c => double.Parse(c, CultureInfo.InvariantCulture) / 255)
                .Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
        }
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
