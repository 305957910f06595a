using Microsoft.Playwright;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium: an editor signs in with a password and an authenticator code on the server-rendered
/// pages, then, on the interactive editor's page, registers a document with an English and a Chinese
/// version and publishes it; an anonymous visitor then reads it at its symbol.
/// </summary>
public class EditorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorSignsInWithTwoFactorsRegistersAndPublishesADocumentThePublicThenReads()
    {
        var editor = await TestAccounts.CreateAsync(browser.Services, "journey.editor@un.example", PortalRoles.Editor, twoFactor: true);
        var page = await browser.NewPageAsync();
        // A loaded shared machine: wait on conditions, generously.
        page.SetDefaultTimeout(90_000);

        await BrowserFixture.SignInWithTwoFactorsAsync(page, editor, "/manage/documents/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".portal-account-link")).ToHaveTextAsync(editor.Email);
        await page.GetByLabel("Symbol(s)").FillAsync("A/75/9201");
        await page.GetByLabel("Agenda items (GA/75/71, SC/2021/1, …)").FillAsync("GA/75/71");
        await page.GetByLabel("Title").First.FillAsync("Letter about the lighthouse keepers");
        await page.GetByLabel("Body (Markdown)").First.FillAsync("The **lighthouse keepers** met.");
        await Assertions.Expect(page.Locator(".markdown-body strong").First).ToHaveTextAsync("lighthouse keepers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a language version" }).ClickAsync();
        await page.GetByLabel("Language", new() { Exact = true }).Nth(1).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Chinese" }).ClickAsync();
        await page.GetByLabel("Title").Nth(1).FillAsync("关于灯塔看守人的信");
        await page.GetByLabel("Body (Markdown)").Nth(1).FillAsync("灯塔看守人开会了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register as draft" }).ClickAsync();

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/manage/documents/[0-9]+$"));
        await Assertions.Expect(page.Locator("#document-status")).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#document-status")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.Locator(".audit-table")).ToContainTextAsync("publish");

        var visitor = await browser.NewPageAsync();
        visitor.SetDefaultTimeout(90_000);
        var response = await visitor.GotoAsync("/zh/A/75/9201");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("灯塔看守人开会了");
    }
}
