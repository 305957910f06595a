using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Features.Editing;

/// <summary>One audit entry as the audit page lists it.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string? UserEmail, string Action, int? DocumentId, string Subject, string? Before, string? After);

/// <summary>Writes every editorial change (who, when, what, before and after) and reads them back for administrators.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contexts)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What an entry's action code ("publish", "upload") means, in the interface language; an unknown code as it is.</summary>
    public static string ActionName(string action)
    {
        var key = "AuditAction_" + action;
        var name = InterfaceText.Get(key);
        return name == key ? action : name;
    }

    /// <summary>Adds an entry to <paramref name="db"/>, saved with the change it records.</summary>
    public static void Record(PortalDbContext db, Viewer actor, string? actorEmail, DateTimeOffset at, string action, int? documentId, string subject, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserEmail = actorEmail,
            Action = action,
            DocumentId = documentId,
            Subject = subject.Length > 600 ? subject[..600] : subject,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> ListAsync(Viewer viewer, string? search, int? documentId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsAdministrator && !(viewer.IsSecretariat && documentId is not null))
        {
            // Administrators browse the whole log; editors see a document's own history.
            throw new UnauthorizedAccessException("Only administrators read the audit log.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (documentId is not null)
        {
            query = query.Where(a => a.DocumentId == documentId);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(a => a.Subject.Contains(term) || a.Action.Contains(term) || (a.UserEmail != null && a.UserEmail.Contains(term)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserEmail, a.Action, a.DocumentId, a.Subject, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
