using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
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

    /// <summary><c>dotnet Portal.dll remove-demo-accounts</c>: the remedy when a database from Development is moved to production.</summary>
    public const string RemoveCommand = "remove-demo-accounts";

    public bool Enabled => environment.IsDevelopment() && options.Value.SeedDemoData;

    public static bool HandlesRemove(string[] args) => args is [RemoveCommand];

    /// <summary>
    /// Creates the accounts (or resets their passwords) and prints them in Development with demo data. Anywhere else,
    /// a database that still holds them stops the portal: their passwords were printed to a console.
    /// </summary>
    public async Task<IReadOnlyList<DemoAccount>> EnsureAsync()
    {
        if (!Enabled)
        {
            var present = await PresentAsync();
            if (!environment.IsDevelopment() && present.Count > 0)
            {
                throw new PortalStartupException(
                    $"The database holds the demo accounts ({string.Join(", ", present.Select(u => u.Email))}), whose passwords a Development " +
                    $"portal printed to its console. Remove them with 'dotnet Portal.dll {RemoveCommand}' before starting in {environment.EnvironmentName}.");
            }
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

    /// <summary>Deletes the demo accounts (with their roles, logins and tokens) and says which it removed.</summary>
    public async Task<int> RemoveAsync(TextWriter output)
    {
        var present = await PresentAsync();
        foreach (var user in present)
        {
            Check(await users.DeleteAsync(user));
            await output.WriteLineAsync($"Removed the demo account {user.Email}.");
        }
        if (present.Count == 0)
        {
            await output.WriteLineAsync("The database holds no demo accounts.");
        }
        return 0;
    }

    private async Task<List<PortalUser>> PresentAsync()
    {
        var present = new List<PortalUser>();
        foreach (var (email, _, _) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                present.Add(user);
            }
        }
        return present;
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
