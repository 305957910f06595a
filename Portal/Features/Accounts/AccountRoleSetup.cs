using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure;

namespace Portal.Features.Accounts;

/// <summary>
/// Makes sure the four roles exist, at start-up after the migrations. They are not migration data: a
/// database the corpus generator builds from the migrations stays free of rows it did not write.
/// </summary>
public static class AccountRoleSetup
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"The role {role} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
