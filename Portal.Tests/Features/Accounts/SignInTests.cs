using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accounts;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Accounts;

/// <summary>Sign-in, two factors, lockout, password reset and change over real HTTP, with real cookies, on Kestrel.</summary>
public sealed partial class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private AccountClient NewClient() => new(app.BaseAddress);

    [Fact]
    public async Task ADelegationSignsInWithItsPasswordAndIsSentWhereItWasGoing()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "delegate.signin@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();

        var response = await client.SignInAsync(account.Email, account.Password, returnUrl: "/sessions/ga/75");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sessions/ga/75", response.Headers.Location!.OriginalString);
        var cookie = client.Cookies.GetCookies(app.BaseAddress)["portal.account"];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        var accountPage = await client.GetStringAsync("/account");
        Assert.Contains("delegate.signin@demoland.example", accountPage, StringComparison.Ordinal);
        Assert.Contains("Demoland", accountPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SigningInNeverRedirectsToAnotherSite(string returnUrl)
    {
        var account = await TestAccounts.CreateAsync(app.Services, $"open.redirect.{Guid.NewGuid():N}@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();

        var response = await client.SignInAsync(account.Email, account.Password, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndFiveLockTheAccountEvenAgainstTheRightOne()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "lockout@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.SignInAsync(account.Email, "Not-The-Password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var text = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(attempt < 5 ? "is not right" : "locked", text, StringComparison.Ordinal);
        }
        var right = await client.SignInAsync(account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(client.Cookies.GetCookies(app.BaseAddress)["portal.account"]);
    }

    [Fact]
    public async Task AnEditorWithTwoFactorsNeedsTheAuthenticatorCodeAfterThePassword()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "editor.2fa@un.example", PortalRoles.Editor, twoFactor: true);
        using var client = NewClient();

        var afterPassword = await client.SignInAsync(account.Email, account.Password);
        Assert.StartsWith("/account/sign-in/two-factor", afterPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(client.Cookies.GetCookies(app.BaseAddress)["portal.account"]);

        var wrongCode = await client.SubmitAsync(afterPassword.Headers.Location.OriginalString, "sign-in-two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Code(account.AuthenticatorKey!) ? "111111" : "000000" });
        Assert.Contains("not right", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var withCode = await client.SubmitAsync(afterPassword.Headers.Location.OriginalString, "sign-in-two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(account.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal("/", withCode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions")).StatusCode);
    }

    [Fact]
    public async Task AnEditorWithoutTwoFactorsIsSentToSetItUpAndGoesOnOnceItIsOn()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "editor.new@un.example", PortalRoles.Editor);
        using var client = NewClient();
        await client.SignInAsync(account.Email, account.Password);

        var page = await client.GetAsync("/sessions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor/set-up", page.Headers.Location!.OriginalString);
        // Meanwhile the account sees what the public sees: the draft A/75/990 is a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/A/75/990/en.md")).StatusCode);

        var setUp = await client.GetStringAsync("/account/two-factor/set-up");
        var key = KeyPattern().Match(setUp).Groups["key"].Value;
        var done = await client.PostFormAsync("/account/two-factor/set-up", setUp, "two-factor-set-up", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        var donePage = await done.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor sign-in is on", donePage, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCodePattern().Matches(donePage).Count);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/990/en.md")).StatusCode);
    }

    [Fact]
    public async Task AForgottenPasswordIsResetThroughTheLinkMailedToTheAccount()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "forgetful@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();

        var asked = await client.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        Assert.Contains("on its way", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await client.SubmitAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@nowhere.example" });
        Assert.Contains("on its way", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mail = await app.Mail.WaitForMessageToAsync(account.Email);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);
        Assert.Equal("/account/reset-password", link.AbsolutePath);

        const string newPassword = "Another-Secret-77";
        var weak = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = "aaaaaaaaaaaa", ["Input.ConfirmPassword"] = "aaaaaaaaaaaa" });
        Assert.Contains("uppercase", await weak.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var reset = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword });
        Assert.Contains("Your password is saved", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = newPassword + "x", ["Input.ConfirmPassword"] = newPassword + "x" });
        Assert.Contains("expired or has been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(account.Email, account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task ASignedInUserChangesThePasswordAndSignsOut()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "changer@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();
        await client.SignInAsync(account.Email, account.Password);

        const string newPassword = "Changed-Password-9";
        var changed = await client.SubmitAsync("/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/account?status=password-changed", changed.Headers.Location!.OriginalString);

        var accountPage = await client.GetStringAsync("/account");
        var signOut = await client.PostFormAsync("/account", accountPage, "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterSignOut = await client.GetAsync("/account");
        Assert.Contains("/account/sign-in", afterSignOut.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task SigningOutWithoutTheAntiforgeryTokenIsRefused()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "forged.signout@demoland.example", PortalRoles.Delegation, "Demoland");
        using var client = NewClient();
        await client.SignInAsync(account.Email, account.Password);

        var forged = await client.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task CreateAdminPrintsAOneTimeLinkThatSetsThePasswordAndThenAsksForTwoFactors()
    {
        var output = new StringWriter();
        int exit;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            exit = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>().RunAsync(["--email", "first.admin@un.example"], output);
        }

        Assert.Equal(0, exit);
        var link = new Uri(LinkPattern().Match(output.ToString()).Value);
        Assert.StartsWith(CreateAdminCommand.LocalBaseUrl, link.ToString(), StringComparison.Ordinal);
        using var client = NewClient();
        const string password = "First-Admin-Pass-1";
        var set = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        Assert.Contains("Your password is saved", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.SignInAsync("first.admin@un.example", password);
        var home = await client.GetAsync("/");
        Assert.Equal("/account/two-factor/set-up", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CreateAdminRefusesAnAddressThatIsNotOne()
    {
        var output = new StringWriter();
        await using var scope = app.Services.CreateAsyncScope();

        var exit = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>().RunAsync(["--email", "not-an-address"], output);

        Assert.Equal(2, exit);
        Assert.Contains("Usage", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"authenticator-key\">(?<key>[a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCodePattern();

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
