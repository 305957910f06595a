using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// A visitor types into a prerendered page before (or while) its circuit connects. The circuit's first
/// render replaces the prerendered elements, and nothing typed may be lost in the swap (issue #12).
/// The loops hit the race from both sides: some Enters land before the circuit, some after.
/// </summary>
public class TypedTextTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Tries = 15;

    [Fact]
    public async Task TheAppBarSearchSubmitsWhatWasTypedRightAfterThePageLoads()
    {
        var page = await browser.NewPageAsync();
        for (var i = 0; i < Tries; i++)
        {
            var query = $"Demoland{i}";
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.Locator("#app-search-q").FillAsync(query);
            // The key goes wherever the focus is, as a person's Enter does, not to a freshly found element.
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForURLAsync(url => url.EndsWith($"/search?q={query}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync(query);
        }
    }

    [Fact]
    public async Task TextTypedWhileTheCircuitConnectsStaysInTheAppBarSearchWithTheFocus()
    {
        var page = await browser.NewPageAsync();
        for (var i = 0; i < Tries; i++)
        {
            var query = $"Demoland letter {i}";
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("#app-search-q").FillAsync(query);
            await BrowserFixture.WaitForInteractiveAsync(page);

            await Assertions.Expect(page.Locator("#app-search-q")).ToHaveValueAsync(query);
            await Assertions.Expect(page.Locator("#app-search-q")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains("/search?q=Demoland+letter+" + i, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TextTypedWhileTheCircuitConnectsStaysInTheSearchPageBoxAndKeepsItsFilters()
    {
        var page = await browser.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            var query = $"letter {i}";
            await page.GotoAsync("/search?q=Demoland&lang=en", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("#search-q").FillAsync(query);
            await BrowserFixture.WaitForInteractiveAsync(page);

            await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync(query);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains("q=letter+" + i, StringComparison.Ordinal) && url.Contains("lang=en", StringComparison.Ordinal));
        }
    }
}
