using Microsoft.Playwright;

namespace Portal.Tests.Support;

/// <summary>
/// The portal on real Kestrel at 127.0.0.1 and Debian's Chromium driven by Playwright. Chromium
/// comes from apt (scripts/test.sh installs it); the flags keep it off the closed network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running portal's services, for tests that add their own rows or files.</summary>
    public IServiceProvider Services => _app.Services;

    public async ValueTask InitializeAsync()
    {
        BaseAddress = _app.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's headless Chromium, kept off the closed network, for any portal a test reaches.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        // Playwright's assertions wait 5 s by default: too short on a loaded machine (an upload still being read).
        Assertions.SetDefaultExpectTimeout(60_000);
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="bypassCsp">For tests that inject a checker script of their own (axe-core), which the portal's CSP rightly refuses.</param>
    /// <param name="colorScheme">The system's light or dark preference the page sees (prefers-color-scheme).</param>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), AcceptDownloads = true, BypassCSP = bypassCsp, ColorScheme = colorScheme });
        var page = await context.NewPageAsync();
        // Waits end as soon as their condition holds; the bounds only decide when a broken page fails. They are
        // wide because CI's two cores may be saturated (a first search after start-up took over 15 s at load 35).
        page.SetDefaultTimeout(60_000);
        return page;
    }

    /// <summary>
    /// Waits until clicks on buttons work: the Blazor circuit has rendered, or on a statically rendered page
    /// static-page.js handles its buttons and every interactive island (.portal-island) has connected.
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector(\"#portal-interactive[data-ready='true']\") && !document.querySelector(\".portal-island[data-ready='false']\")");

    /// <summary>
    /// Signs in on the server-rendered pages as a person would, with the password and, for an account with two
    /// factors, the authenticator's current code; returns once the browser is at <paramref name="returnUrl"/>.
    /// </summary>
    public static async Task SignInAsync(IPage page, TestAccount account, string returnUrl)
    {
        // In English whatever an earlier page of the context chose, so the buttons are found by their English names.
        await page.GotoAsync("/account/sign-in?ui=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("#email").FillAsync(account.Email);
        await page.Locator("#password").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (account.AuthenticatorKey is { } key)
        {
            await page.WaitForURLAsync(url => url.Contains("/account/sign-in/two-factor", StringComparison.Ordinal));
            await page.Locator("#code").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await page.WaitForURLAsync(url => url.EndsWith(returnUrl, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
