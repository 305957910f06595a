using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>axe-core on the account and /manage pages, each opened by an account of the role it needs, signed in through the sign-in pages.</summary>
public class SignedInAxeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(AccessibilityPages.SignedIn), MemberType = typeof(AccessibilityPages))]
    [MemberData(nameof(AccessibilityPages.SignedInInArabic), MemberType = typeof(AccessibilityPages))]
    public Task SignedInPageHasNoSeriousOrCriticalAxeViolation(string path, string role) => CheckAsync(path, role, ColorScheme.Light);

    [Theory]
    [MemberData(nameof(AccessibilityPages.SignedIn), MemberType = typeof(AccessibilityPages))]
    [MemberData(nameof(AccessibilityPages.SignedInInArabic), MemberType = typeof(AccessibilityPages))]
    public Task SignedInPageInTheDarkThemeHasNoSeriousOrCriticalAxeViolation(string path, string role) => CheckAsync(path, role, ColorScheme.Dark);

    private async Task CheckAsync(string path, string role, ColorScheme colorScheme)
    {
        await using var context = await SignedInBrowser.NewContextAsync(browser, role, bypassCsp: true, colorScheme);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);

        var response = await page.GotoAsync(path);

        Assert.Equal(path, new Uri(page.Url).PathAndQuery);
        Assert.Equal(200, response!.Status);
        if (colorScheme == ColorScheme.Dark)
        {
            await AxeTests.AssertDarkThemeAsync(page);
        }
        await AxeTests.AssertNoSeriousViolationAsync(page, path + (colorScheme == ColorScheme.Dark ? " (dark theme)" : ""));
    }
}
