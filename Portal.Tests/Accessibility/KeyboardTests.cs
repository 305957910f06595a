using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>
/// The layout with the keyboard alone, in Chromium, on a static page (no circuit: static-page.js) and an interactive
/// one: the skip link, the menu drawer's place in the tab order.
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
}
