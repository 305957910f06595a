using Microsoft.Playwright;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// Browser cookies of an account of each role the /manage pages need, signed in once per portal through the
/// sign-in pages (an authenticator code is accepted once) and shared by the tests that open those pages.
/// </summary>
public static class SignedInBrowser
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly Dictionary<IServiceProvider, Dictionary<string, TestAccount>> Accounts = [];
    private static readonly Dictionary<(IServiceProvider, string), string> States = [];

    /// <summary>A new browser context signed in as <paramref name="role"/> ("editor", "administrator" or "focal point").</summary>
    /// <param name="colorScheme">The system's light or dark preference the pages see (prefers-color-scheme).</param>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, string role, bool bypassCsp = false, ColorScheme colorScheme = ColorScheme.Light)
    {
        var state = await StorageStateAsync(browser, role);
        return await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), BypassCSP = bypassCsp, StorageState = state, ColorScheme = colorScheme });
    }

    private static async Task<string> StorageStateAsync(BrowserFixture browser, string role)
    {
        await Lock.WaitAsync();
        try
        {
            if (States.TryGetValue((browser.Services, role), out var state))
            {
                return state;
            }
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
            var account = accounts[role];
            await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000);
            await BrowserFixture.SignInAsync(page, account, "/account");
            return States[(browser.Services, role)] = await context.StorageStateAsync();
        }
        finally
        {
            Lock.Release();
        }
    }
}
