using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>An account a test made through the portal's own UserManager; <see cref="AuthenticatorKey"/> is set when it has two factors.</summary>
public sealed record TestAccount(string Email, string Password, string? AuthenticatorKey);

/// <summary>Creates accounts in the running portal's database, as an administrator would.</summary>
public static class TestAccounts
{
    public const string Password = "Correct-Horse-42";

    public static async Task<TestAccount> CreateAsync(IServiceProvider services, string email, string? role = null, string? memberState = null, bool twoFactor = false)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, MemberState = memberState, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        if (role == PortalRoles.FocalPoint && !await users.IsInRoleAsync(user, PortalRoles.Delegation))
        {
            Check(await users.AddToRoleAsync(user, PortalRoles.Delegation));
        }
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestAccount(email, Password, key);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
