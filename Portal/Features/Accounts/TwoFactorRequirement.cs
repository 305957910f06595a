using Microsoft.AspNetCore.Components.Endpoints;
using Portal.Infrastructure;

namespace Portal.Features.Accounts;

/// <summary>
/// Editors and administrators must use two-factor sign-in: until they have set it up, every page sends
/// them to the set-up page, and <see cref="Viewer"/> treats them as the public (so a file or an archive
/// fetched meanwhile shows nothing unpublished).
/// </summary>
public static class TwoFactorRequirement
{
    public static bool IsMissing(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && PortalRoles.RequiringTwoFactor.Any(user.IsInRole)
        && !user.HasClaim(Viewer.TwoFactorClaim, "true");

    public static Task SendToSetUpFirst(HttpContext context, RequestDelegate next)
    {
        if (IsMissing(context.User)
            && !context.Request.Path.StartsWithSegments(AccountPaths.Prefix)
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.Redirect(AccountPaths.TwoFactorSetUp);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
