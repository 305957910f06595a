using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Features.Alerts;

/// <summary>
/// Who a subscriber is when an alert is matched and sent: an anonymous e-mail subscriber is the public;
/// an account's subscription sees what the account may see now (its roles and member state as stored,
/// editors' and administrators' roles only once they sign in with two factors, as <see cref="Viewer.From"/> has it).
/// </summary>
public static class AlertViewers
{
    public static async Task<Viewer> OfAsync(PortalDbContext db, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return Viewer.Anonymous;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.MemberState, u.TwoFactorEnabled }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Viewer.Anonymous;
        }
        var roles = (await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!user.TwoFactorEnabled)
        {
            roles.ExceptWith(PortalRoles.RequiringTwoFactor);
        }
        return new Viewer(userId, roles, user.MemberState);
    }

    /// <summary>Whether every one of the documents is visible to the viewer.</summary>
    public static async Task<bool> SeesAllAsync(PortalDbContext db, Viewer viewer, IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken) =>
        documentIds.Count == 0
        || await db.Documents.Where(d => documentIds.Contains(d.Id)).Where(DocumentAccess.VisibleTo(viewer)).CountAsync(cancellationToken) == documentIds.Distinct().Count();
}
