using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Data.Entities;

namespace Portal.Infrastructure;

/// <summary>The tiers users know from the Official Document System.</summary>
public enum AccessLevel
{
    Public = 0,
    Delegation = 1,
    Secretariat = 2,
}

/// <summary>Who may see which document. Every query and endpoint filters through <see cref="VisibleTo"/>.</summary>
public static class DocumentAccess
{
    public const string DelegationRole = "Delegation";
    public const string SecretariatRole = "Secretariat";

    public static AccessLevel LevelOf(ClaimsPrincipal? user) =>
        user?.IsInRole(SecretariatRole) == true ? AccessLevel.Secretariat
        : user?.IsInRole(DelegationRole) == true ? AccessLevel.Delegation
        : AccessLevel.Public;

    /// <summary>
    /// The public sees published documents that are not Restricted; delegations also see
    /// Restricted ones; the Secretariat sees drafts and withdrawn documents too.
    /// </summary>
    public static Expression<Func<Document, bool>> VisibleTo(AccessLevel level) => level switch
    {
        AccessLevel.Secretariat => d => true,
        AccessLevel.Delegation => d => d.Status == PublicationStatus.Published,
        _ => d => d.Status == PublicationStatus.Published && d.Distribution != Distribution.Restricted,
    };
}

/// <summary>The access level of whoever is looking at the current page or circuit.</summary>
public sealed class CurrentViewer(AuthenticationStateProvider authentication)
{
    public async Task<AccessLevel> GetAccessLevelAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return DocumentAccess.LevelOf(state.User);
    }
}
