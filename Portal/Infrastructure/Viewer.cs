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

    public static Viewer Anonymous { get; } = new(null, new HashSet<string>(), null);

    public bool IsSecretariat => Roles.Contains(DocumentAccess.SecretariatRole);

    public bool IsDelegation => Roles.Contains(DocumentAccess.DelegationRole);

    /// <summary>
    /// The same for every viewer who sees the same documents, so figures counted over what a viewer may
    /// see (documents per session) can be cached and shared between them.
    /// </summary>
    public string VisibilityKey => IsSecretariat ? "secretariat" : IsDelegation ? "delegation" : "public";

    public static Viewer From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var roles = user.FindAll(user.Identities.First().RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Viewer(user.FindFirstValue(ClaimTypes.NameIdentifier), roles, user.FindFirstValue(MemberStateClaim));
    }
}

/// <summary>Who may see which document. Every query and endpoint filters through <see cref="VisibleTo"/>.</summary>
public static class DocumentAccess
{
    public const string DelegationRole = "Delegation";
    public const string SecretariatRole = "Secretariat";

    /// <summary>
    /// The public sees published documents that are not Restricted; delegations also see
    /// Restricted ones; the Secretariat sees drafts and withdrawn documents too.
    /// </summary>
    public static Expression<Func<Document, bool>> VisibleTo(Viewer viewer) =>
        viewer.IsSecretariat ? d => true
        : viewer.IsDelegation ? d => d.Status == PublicationStatus.Published
        : d => d.Status == PublicationStatus.Published && d.Distribution != Distribution.Restricted;
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
