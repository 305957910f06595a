using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Accounts;

/// <summary>
/// Puts into the sign-in cookie what <see cref="Viewer"/> needs besides the roles: the delegation's
/// member state, and whether the account has two-factor sign-in (editors and administrators must).
/// </summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.MemberState))
        {
            identity.AddClaim(new Claim(Viewer.MemberStateClaim, user.MemberState));
        }
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(Viewer.TwoFactorClaim, "true"));
        }
        return identity;
    }
}
