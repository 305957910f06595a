using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Accounts;

/// <summary>A demo account as printed at start-up: its e-mail address, role, password and, for editors and administrators, authenticator key.</summary>
public sealed record DemoAccount(string Email, string Role, string? MemberState, string Password, string? AuthenticatorKey);

/// <summary>
/// Accounts for trying each role on a local portal: an editor, an administrator, and delegations of Armenia
/// and of Demoland (the state the demo's Restricted document names). Only in Development with demo data:
/// each start gives them fresh random passwords (no password ships with the portal) and prints them, with
/// the authenticator keys the editor and administrator need, to the console.
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, IHostEnvironment environment, IOptions<PortalOptions> options, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    private static readonly (string Email, string Role, string? MemberState)[] Accounts =
    [
        ("editor@demo.example", PortalRoles.Editor, null),
        ("admin@demo.example", PortalRoles.Administrator, null),
        ("delegate@armenia.demo.example", PortalRoles.Delegation, "Armenia"),
        ("delegate@demoland.demo.example", PortalRoles.Delegation, "Demoland"),
    ];

    public bool Enabled => environment.IsDevelopment() && options.Value.SeedDemoData;

    /// <summary>Creates the accounts (or resets their passwords) and prints them; does nothing outside Development with demo data.</summary>
    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync()
    {
        if (!Enabled)
        {
            return [];
        }
        var created = new List<DemoAccount>();
        foreach (var (email, role, state) in Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, MemberState = state, CreatedAt = clock.GetUtcNow() };
                Check(await users.CreateAsync(user));
                Check(await users.AddToRoleAsync(user, role));
            }
            var password = NewPassword();
            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user));
            }
            Check(await users.AddPasswordAsync(user, password));
            await users.SetLockoutEndDateAsync(user, null);
            string? key = null;
            if (role is PortalRoles.Editor or PortalRoles.Administrator)
            {
                key = await users.GetAuthenticatorKeyAsync(user);
                if (key is null)
                {
                    Check(await users.ResetAuthenticatorKeyAsync(user));
                    key = await users.GetAuthenticatorKeyAsync(user);
                }
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            created.Add(new DemoAccount(email, role, state, password, key));
        }
        logger.LogWarning("{Accounts}", Describe(created));
        return created;
    }

    private static string Describe(IEnumerable<DemoAccount> accounts)
    {
        var text = new StringBuilder("Demo accounts for this Development portal (new passwords at every start; sign in at /account/sign-in):");
        foreach (var account in accounts)
        {
            text.Append("\n  ").Append(account.Role).Append(account.MemberState is null ? "" : $" of {account.MemberState}")
                .Append(": ").Append(account.Email).Append("  password ").Append(account.Password);
            if (account.AuthenticatorKey is { } key)
            {
                text.Append("  authenticator key ").Append(AuthenticatorKeys.Format(key)).Append(" (").Append(AuthenticatorKeys.Uri(account.Email, key)).Append(')');
            }
        }
        return text.ToString();
    }

    /// <summary>Random, and meeting the password rules (upper and lower case, a digit, a symbol, 12+ characters).</summary>
    private static string NewPassword() => $"Demo-{RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz23456789", 12)}-7Q";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("A demo account could not be set up: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
