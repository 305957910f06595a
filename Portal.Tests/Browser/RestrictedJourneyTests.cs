using Microsoft.Playwright;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium, the demo's Restricted document A/75/R.1 (agenda item GA 75/34, naming Demoland): Demoland's
/// delegation finds and reads it; Ruritania's delegation and an anonymous visitor see nothing of it, and its
/// permalink answers them exactly as a symbol the portal does not hold.
/// </summary>
public class RestrictedJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "internal briefing note";

    [Fact]
    public async Task ARestrictedDocumentIsSeenByTheStateItNamesAndByNobodyElse()
    {
        var demoland = await TestAccounts.CreateAsync(browser.Services, "journey@demoland.example", PortalRoles.Delegation, "Demoland");
        var ruritania = await TestAccounts.CreateAsync(browser.Services, "journey@ruritania.example", PortalRoles.Delegation, "Ruritania");

        var named = await SignedInPageAsync(demoland);
        await Assertions.Expect(named.Locator("main")).ToContainTextAsync(Title);
        await named.Locator("main a").Filter(new() { HasText = "A/75/R.1" }).First.ClickAsync();
        await named.WaitForURLAsync(url => url.Contains("/A/75/R.1", StringComparison.Ordinal));
        await Assertions.Expect(named.Locator("main")).ToContainTextAsync("Only the Secretariat and the delegation of Demoland");

        var other = await SignedInPageAsync(ruritania);
        var anonymous = await browser.NewPageAsync();
        anonymous.SetDefaultTimeout(90_000);
        await anonymous.GotoAsync("/sessions/ga/75/items/34");
        foreach (var page in new[] { other, anonymous })
        {
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(Title);
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("A/75/R.1");

            var hidden = await page.GotoAsync("/A/75/R.1");
            var hiddenText = await page.Locator("main").InnerTextAsync();
            var missing = await page.GotoAsync("/A/75/R.9");
            var missingText = await page.Locator("main").InnerTextAsync();
            Assert.Equal(404, hidden!.Status);
            Assert.Equal(missing!.Status, hidden.Status);
            Assert.Equal(missingText.Replace("A/75/R.9", "{symbol}"), hiddenText.Replace("A/75/R.1", "{symbol}"));
        }
    }

    private async Task<IPage> SignedInPageAsync(TestAccount account)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserFixture.SignInAsync(page, account, "/sessions/ga/75/items/34");
        return page;
    }
}
