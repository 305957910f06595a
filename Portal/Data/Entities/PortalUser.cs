using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Entities;

/// <summary>
/// An account: Secretariat staff, or a member of a delegation. A delegation account belongs to exactly
/// one member state (<see cref="MemberState"/>), which decides the Restricted documents it sees.
/// </summary>
public class PortalUser : IdentityUser
{
    /// <summary>The name shown in lists and in the audit log, e.g. "Anna Petrosyan".</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    /// <summary>The member state whose mission this account belongs to; null for Secretariat accounts.</summary>
    public string? MemberState { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
