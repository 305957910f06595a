using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Data.Entities;

namespace Portal.Infrastructure;

/// <summary>
/// Who is looking at a page, a file or an archive: resolved once per request or circuit from the
/// signed-in user, and handed to every query. What the viewer may see is decided in one place,
/// <see cref="DocumentAccess.VisibleTo"/>.
/// </summary>
/// <param name="UserId">The account's id; null for an anonymous visitor.</param>
/// <param name="Roles">The account's roles (<see cref="DocumentAccess.DelegationRole"/>, <see cref="DocumentAccess.SecretariatRole"/>).</param>
/// <param name="MemberState">The member state a delegation account belongs to, when the account says so.</param>
public sealed record Viewer(string? UserId, IReadOnlySet<string> Roles, string? MemberState)
{
    /// <summary>The claim that names a delegation account's member state.</summary>
    public const string MemberStateClaim = "portal:member_state";

    /// <summary>Present ("true") when the account signs in with two factors; editors and administrators must.</summary>
    public const string TwoFactorClaim = "portal:two_factor";

    public static Viewer Anonymous { get; } = new(null, new HashSet<string>(), null);

    /// <summary>Editors and administrators: the Secretariat, who see drafts, withdrawn and every Restricted document.</summary>
    public bool IsSecretariat => Roles.Contains(PortalRoles.Editor) || Roles.Contains(PortalRoles.Administrator);

    public bool IsAdministrator => Roles.Contains(PortalRoles.Administrator);

    public bool IsDelegation => Roles.Contains(DocumentAccess.DelegationRole);

    /// <summary>
    /// The same for every viewer who sees the same documents, so figures counted over what a viewer may
    /// see (documents per session) can be cached and shared between them.
    /// </summary>
    public string VisibilityKey => IsSecretariat ? "secretariat" : SeesRestrictedOf is { } state ? "delegation:" + state : "public";

    /// <summary>The member state whose Restricted documents this viewer sees: a delegation account's own.</summary>
    public string? SeesRestrictedOf => IsDelegation && !string.IsNullOrEmpty(MemberState) ? MemberState : null;

    public static Viewer From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var roles = user.FindAll(user.Identities.First().RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (!user.HasClaim(TwoFactorClaim, "true"))
        {
            // Until two-factor sign-in is set up, an editor or administrator sees what the public sees.
            roles.ExceptWith(PortalRoles.RequiringTwoFactor);
        }
        return new Viewer(user.FindFirstValue(ClaimTypes.NameIdentifier), roles, user.FindFirstValue(MemberStateClaim));
    }
}

/// <summary>Who may see which document. Every query and endpoint filters through <see cref="VisibleTo"/>.</summary>
public static class DocumentAccess
{
    public const string DelegationRole = PortalRoles.Delegation;
    public const string SecretariatRole = PortalRoles.Editor;

    /// <summary>
    /// The public sees published documents that are not Restricted (General and Limited); a delegation
    /// also sees the published Restricted documents that name its member state; the Secretariat sees
    /// everything, drafts and withdrawn documents too. A document outside this rule must look exactly
    /// like one that does not exist.
    /// </summary>
    public static Expression<Func<Document, bool>> VisibleTo(Viewer viewer)
    {
        if (viewer.IsSecretariat)
        {
            return d => true;
        }
        if (viewer.SeesRestrictedOf is { } state)
        {
            return d => d.Status == PublicationStatus.Published
                && (d.Distribution != Distribution.Restricted || d.MemberStates.Any(m => m.MemberState == state));
        }
        return d => d.Status == PublicationStatus.Published && d.Distribution != Distribution.Restricted;
    }

    /// <summary>
    /// Documents this viewer may not see now but could see once, so may be told they were removed (a mirror
    /// drops them) without learning of anything it never could see: for the public, documents that were
    /// published while General or Limited; for a delegation, also the published Restricted documents that
    /// name its member state. The Secretariat sees everything, so nothing is ever removed for it.
    /// </summary>
    public static Expression<Func<Document, bool>> VisibleOrOnceVisibleTo(Viewer viewer)
    {
        if (viewer.IsSecretariat)
        {
            return d => true;
        }
        if (viewer.SeesRestrictedOf is { } state)
        {
            return d => (d.Status == PublicationStatus.Published && (d.Distribution != Distribution.Restricted || d.MemberStates.Any(m => m.MemberState == state)))
                || d.EverPublic || (d.PublishedAt != null && d.MemberStates.Any(m => m.MemberState == state));
        }
        return d => (d.Status == PublicationStatus.Published && d.Distribution != Distribution.Restricted) || d.EverPublic;
    }
}

/// <summary>The viewer of the current page or circuit.</summary>
public sealed class CurrentViewer(AuthenticationStateProvider authentication)
{
    public async Task<Viewer> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Viewer.From(state.User);
    }
}
