using Microsoft.Playwright;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Accessibility;

/// <summary>axe-core on the account and /manage pages, each opened by an account of the role it needs, signed in through the sign-in pages.</summary>
public class SignedInAxeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim AccountsCreated = new(1, 1);
    private static readonly Dictionary<IServiceProvider, Dictionary<string, TestAccount>> Accounts = [];

    private async Task<TestAccount> AccountForAsync(string role)
    {
        await AccountsCreated.WaitAsync();
        try
        {
            if (!Accounts.TryGetValue(browser.Services, out var accounts))
            {
                accounts = new Dictionary<string, TestAccount>
                {
                    ["editor"] = await TestAccounts.CreateAsync(browser.Services, "axe.editor@un.example", PortalRoles.Editor, twoFactor: true),
                    ["administrator"] = await TestAccounts.CreateAsync(browser.Services, "axe.admin@un.example", PortalRoles.Administrator, twoFactor: true),
                    ["focal point"] = await TestAccounts.CreateAsync(browser.Services, "axe.focal@demoland.example", PortalRoles.FocalPoint, "Demoland"),
                };
                Accounts[browser.Services] = accounts;
            }
            return accounts[role];
        }
        finally
        {
            AccountsCreated.Release();
        }
    }

    private static readonly Dictionary<(IServiceProvider, string), string> SignedInStates = [];

    /// <summary>Signs the role's account in once (an authenticator code is accepted once) and keeps its cookies for the other pages.</summary>
    private async Task<string> SignedInStateAsync(string role)
    {
        var account = await AccountForAsync(role);
        await AccountsCreated.WaitAsync();
        try
        {
            if (SignedInStates.TryGetValue((browser.Services, role), out var state))
            {
                return state;
            }
            await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000);
            await page.GotoAsync("/account/sign-in?returnUrl=%2Faccount");
            await page.Locator("#email").FillAsync(account.Email);
            await page.Locator("#password").FillAsync(account.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            if (account.AuthenticatorKey is { } key)
            {
                await page.WaitForURLAsync(url => url.Contains("/account/sign-in/two-factor", StringComparison.Ordinal));
                await page.Locator("#code").FillAsync(Totp.Code(key));
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            }
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");
            return SignedInStates[(browser.Services, role)] = await context.StorageStateAsync();
        }
        finally
        {
            AccountsCreated.Release();
        }
    }

    [Theory]
    [MemberData(nameof(AccessibilityPages.SignedIn), MemberType = typeof(AccessibilityPages))]
    public async Task SignedInPageHasNoSeriousOrCriticalAxeViolation(string path, string role)
    {
        var state = await SignedInStateAsync(role);
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), BypassCSP = true, StorageState = state });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);

        var response = await page.GotoAsync(path);

        Assert.Equal(path, new Uri(page.Url).PathAndQuery);
        Assert.Equal(200, response!.Status);
        await AxeTests.AssertNoSeriousViolationAsync(page, path);
    }
}
