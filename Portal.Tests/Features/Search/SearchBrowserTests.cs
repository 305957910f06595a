using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

public class SearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AVisitorSearchesForLandminesInChineseFromTheAppBarAndOpensTheLetter()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search documents or go to a symbol" }).FillAsync("地雷");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search documents or go to a symbol" }).PressAsync("Enter");

        await page.WaitForURLAsync("**/search?q=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 document found" })).ToBeVisibleAsync();
        var snippet = page.Locator(".search-snippet").First;
        await Assertions.Expect(snippet).ToHaveAttributeAsync("lang", "zh");
        await Assertions.Expect(snippet.Locator("mark").First).ToHaveTextAsync("地雷");

        await page.Locator(".search-result-title").First.ClickAsync();

        await page.WaitForURLAsync("**/documents/*/zh");
        await Assertions.Expect(page.Locator("h1, .document-title").First).ToContainTextAsync("亚美尼亚");
        await Assertions.Expect(page.GetByText("地雷威胁").First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/search?q=Demoland")]
    [InlineData("/search?q=the")]
    public async Task APageOfResultsBecomesInteractive(string url)
    {
        // Its persisted state (the results) is larger than SignalR's default message limit of 32 KB.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        await BrowserFixture.WaitForInteractiveAsync(page);
    }
}
