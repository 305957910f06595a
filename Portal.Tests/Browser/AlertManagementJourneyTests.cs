using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium, a signed-in delegate's alerts page: two subscriptions made on the subscribe page, one
/// changed to a weekly digest in French, then paused; the other ended. The database follows each click.
/// </summary>
public class AlertManagementJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ADelegateChangesPausesAndEndsSubscriptionsOnOnePage()
    {
        var account = await TestAccounts.CreateAsync(browser.Services, "alerts.journey@demoland.example", PortalRoles.Delegation, "Demoland");
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserFixture.SignInAsync(page, account, "/alerts");
        foreach (var target in new[] { "organ:sc", "organ:ga" })
        {
            await page.GotoAsync("/alerts/subscribe?ui=en&target=" + target);
            await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
            await Assertions.Expect(page.Locator(".alert-message")).ToContainTextAsync("Subscribed");
        }

        await page.GotoAsync("/alerts?ui=en");
        var council = page.Locator("tr[data-alert-id]").Filter(new() { HasText = "Security Council" });
        var assembly = page.Locator("tr[data-alert-id]").Filter(new() { HasText = "General Assembly" });
        await Assertions.Expect(council).ToHaveCountAsync(1);
        await Assertions.Expect(assembly).ToHaveCountAsync(1);

        await council.Locator("select").SelectOptionAsync(new SelectOptionValue { Value = "Weekly" });
        await council.GetByLabel("Français").CheckAsync();
        await council.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-message")).ToContainTextAsync("Saved");
        council = page.Locator("tr[data-alert-id]").Filter(new() { HasText = "Security Council" });
        await Assertions.Expect(council.Locator("select")).ToHaveValueAsync("Weekly");
        await Assertions.Expect(council.GetByLabel("Français")).ToBeCheckedAsync();

        await council.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-message")).ToContainTextAsync("Paused");
        council = page.Locator("tr[data-alert-id]").Filter(new() { HasText = "Security Council" });
        await Assertions.Expect(council.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();

        assembly = page.Locator("tr[data-alert-id]").Filter(new() { HasText = "General Assembly" });
        await assembly.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-message")).ToContainTextAsync("Unsubscribed");
        await Assertions.Expect(page.Locator("tr[data-alert-id]").Filter(new() { HasText = "General Assembly" })).ToHaveCountAsync(0);

        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var rows = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Email == account.Email).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(AlertTarget.Organ, row.Target);
        Assert.Equal("sc", row.TargetValue);
        Assert.Equal(AlertFrequency.Weekly, row.Frequency);
        Assert.Equal("fr", row.Languages);
        Assert.NotNull(row.PausedAt);
    }
}
