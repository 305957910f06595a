using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Accounts;

/// <summary>
/// <c>dotnet run --project Portal -- create-admin --email someone@un.example</c>: creates an administrator
/// without a password and prints a one-time link that sets it. No password ships with the portal.
/// </summary>
public sealed class CreateAdminCommand(UserManager<PortalUser> users, AccountMail mail, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string Name = "create-admin";

    /// <summary>The address links are printed with when <c>Portal:PublicBaseUrl</c> is unset: the Development launch address.</summary>
    public const string LocalBaseUrl = "http://localhost:5226";

    /// <summary>The command's arguments when <paramref name="args"/> asks for it; null when the portal should just run.</summary>
    public static string[]? Match(string[] args) => args.Length > 0 && args[0] == Name ? args[1..] : null;

    public async Task<int> RunAsync(string[] arguments, TextWriter output)
    {
        var email = arguments.Length == 2 && arguments[0] == "--email" ? arguments[1].Trim() : null;
        if (email is null || !new EmailAddressAttribute().IsValid(email))
        {
            output.WriteLine($"Usage: dotnet run --project Portal -- {Name} --email someone@un.example");
            return 2;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            if (!Report(await users.CreateAsync(user), output))
            {
                return 1;
            }
        }
        if (!await users.IsInRoleAsync(user, PortalRoles.Administrator) && !Report(await users.AddToRoleAsync(user, PortalRoles.Administrator), output))
        {
            return 1;
        }

        var link = await mail.SetPasswordLinkAsync(user, options.Value.PublicBaseUrl ?? LocalBaseUrl);
        output.WriteLine($"Administrator {email} is ready. Open this link within 24 hours to choose the password (it works once):");
        output.WriteLine(link);
        output.WriteLine("You will then be asked to set up two-factor sign-in with an authenticator app.");
        return 0;
    }

    private static bool Report(IdentityResult result, TextWriter output)
    {
        foreach (var error in result.Errors)
        {
            output.WriteLine(error.Description);
        }
        return result.Succeeded;
    }
}
