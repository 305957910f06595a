using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Administration;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Administration;

/// <summary>
/// Administrators and focal points manage accounts through <see cref="AccountDirectory"/> (what the
/// MudBlazor account tables call), on the real portal with its mail going to a test SMTP sink.
/// </summary>
public sealed partial class AccountDirectoryTests(AccountDirectoryTests.App app) : IClassFixture<AccountDirectoryTests.App>
{
    public sealed class App : AccountsAppFactory
    {
        public Uri BaseAddress { get; } = null!;

        public App() => BaseAddress = StartKestrel();
    }

    private AccountDirectory Directory => app.Services.GetRequiredService<AccountDirectory>();

    private async Task<Viewer> ViewerOfAsync(TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync((await users.FindByEmailAsync(account.Email))!);
        return Viewer.From(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, "test")));
    }

    [Fact]
    public async Task AnAdministratorInvitesADelegateWhoChoosesAPasswordFromTheMailedLinkAndSignsIn()
    {
        var admin = await ViewerOfAsync(await TestAccounts.CreateAsync(app.Services, "admin.invites@un.example", PortalRoles.Administrator, twoFactor: true));

        var result = await Directory.InviteAsync(admin, new AccountInvitation("new.delegate@demoland.example", "New Delegate", PortalRoles.Delegation, "Demoland"), app.BaseAddress.ToString());

        Assert.True(result.Succeeded, result.Message);
        var mail = await app.Mail.WaitForMessageToAsync("new.delegate@demoland.example");
        Assert.Contains("delegation of Demoland", mail.TextBody, StringComparison.Ordinal);
        var link = new Uri(LinkPattern().Match(mail.TextBody!).Value);
        using var client = new AccountClient(app.BaseAddress);
        const string password = "Invited-Delegate-5";
        var set = await client.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string> { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        Assert.Contains("Your password is saved", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("new.delegate@demoland.example", password)).StatusCode);
        Assert.Contains("internal briefing note", await client.GetStringAsync("/A/75/R.1"), StringComparison.OrdinalIgnoreCase);

        var listed = await Directory.ListAsync(admin, "new.delegate", 0, 25);
        var row = Assert.Single(listed.Rows);
        Assert.Equal(["Delegation"], row.Roles);
        Assert.Equal("Demoland", row.MemberState);
    }

    [Fact]
    public async Task AFocalPointInvitesAndRemovesOnlyTheirOwnMissionsAccounts()
    {
        var focal = await ViewerOfAsync(await TestAccounts.CreateAsync(app.Services, "focal@ruritania.example", PortalRoles.FocalPoint, "Ruritania"));
        await TestAccounts.CreateAsync(app.Services, "colleague@ruritania.example", PortalRoles.Delegation, "Ruritania");
        await TestAccounts.CreateAsync(app.Services, "outsider@demoland.example", PortalRoles.Delegation, "Demoland");

        // Whatever role and state the form claims, a focal point opens a delegation account of their own state.
        var invited = await Directory.InviteAsync(focal, new AccountInvitation("junior@ruritania.example", null, PortalRoles.Administrator, "Demoland"), app.BaseAddress.ToString());
        Assert.True(invited.Succeeded, invited.Message);

        var mission = await Directory.ListAsync(focal, null, 0, 100);
        Assert.All(mission.Rows, r => Assert.Equal("Ruritania", r.MemberState));
        var junior = Assert.Single(mission.Rows, r => r.Email == "junior@ruritania.example");
        Assert.Equal(["Delegation"], junior.Roles);
        Assert.DoesNotContain(mission.Rows, r => r.Email == "outsider@demoland.example");

        var admin = await ViewerOfAsync(await TestAccounts.CreateAsync(app.Services, "admin.lists@un.example", PortalRoles.Administrator, twoFactor: true));
        var outsider = Assert.Single((await Directory.ListAsync(admin, "outsider@demoland", 0, 25)).Rows);
        Assert.False((await Directory.RemoveAsync(focal, outsider.Id)).Succeeded);
        Assert.Single((await Directory.ListAsync(admin, "outsider@demoland", 0, 25)).Rows);

        var colleague = Assert.Single(mission.Rows, r => r.Email == "colleague@ruritania.example");
        Assert.True((await Directory.RemoveAsync(focal, colleague.Id)).Succeeded);
        Assert.Empty((await Directory.ListAsync(admin, "colleague@ruritania", 0, 25)).Rows);
    }

    [Fact]
    public async Task ADelegateWhoIsNotAFocalPointManagesNoAccounts()
    {
        var delegate_ = await ViewerOfAsync(await TestAccounts.CreateAsync(app.Services, "plain@ruritania.example", PortalRoles.Delegation, "Ruritania"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Directory.ListAsync(delegate_, null, 0, 25));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Directory.InviteAsync(delegate_, new AccountInvitation("x@ruritania.example", null, PortalRoles.Delegation, null), "http://localhost/"));
    }

    [Fact]
    public async Task AnAdministratorMakesADelegateAnEditorWhoMustThenSetUpTwoFactors()
    {
        var admin = await ViewerOfAsync(await TestAccounts.CreateAsync(app.Services, "admin.promotes@un.example", PortalRoles.Administrator, twoFactor: true));
        var account = await TestAccounts.CreateAsync(app.Services, "promoted@un.example", PortalRoles.Delegation, "Demoland");
        var row = Assert.Single((await Directory.ListAsync(admin, "promoted@un", 0, 25)).Rows);

        Assert.True((await Directory.SetRolesAsync(admin, row.Id, [PortalRoles.Editor], null)).Succeeded);

        row = Assert.Single((await Directory.ListAsync(admin, "promoted@un", 0, 25)).Rows);
        Assert.Equal([PortalRoles.Editor], row.Roles);
        Assert.Null(row.MemberState);
        using var client = new AccountClient(app.BaseAddress);
        await client.SignInAsync(account.Email, account.Password);
        Assert.Equal("/account/two-factor/set-up", (await client.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheAccountPagesAreForAdministratorsAndFocalPointsOnly()
    {
        var delegateAccount = await TestAccounts.CreateAsync(app.Services, "curious@demoland.example", PortalRoles.Delegation, "Demoland");
        using var anonymous = new AccountClient(app.BaseAddress);
        using var delegation = new AccountClient(app.BaseAddress);
        await delegation.SignInAsync(delegateAccount.Email, delegateAccount.Password);

        Assert.Contains("/account/sign-in", (await anonymous.GetAsync("/manage/accounts")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/access-denied", (await delegation.GetAsync("/manage/accounts")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/access-denied", (await delegation.GetAsync("/manage/mission")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var admin = await TestAccounts.CreateAsync(app.Services, "admin.pages@un.example", PortalRoles.Administrator, twoFactor: true);
        using var administrator = new AccountClient(app.BaseAddress);
        await administrator.SignInAsync(admin.Email, admin.Password, admin.AuthenticatorKey);
        Assert.Contains("Invite an account", await administrator.GetStringAsync("/manage/accounts"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
