using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Editing;

/// <summary><c>Portal:Derestriction</c>: how often dated derestrictions are looked for.</summary>
public sealed class DerestrictionOptions
{
    public const string SectionName = "Portal:Derestriction";

    /// <summary>Time between passes; the first runs at start-up.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Applies dated derestrictions (<see cref="Document.DerestrictOn"/>): on the day, a Restricted or Limited
/// document becomes General, its member-state list goes, and the change is in its history as "derestrict" by
/// the portal itself. Every instance runs this; each document is claimed with one conditional UPDATE (still
/// due, still not General), so when two instances find the same document only the one whose UPDATE changed a
/// row records it, and the change and its audit entry commit together.
/// </summary>
public sealed class ScheduledDerestriction(
    IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, IOptions<DerestrictionOptions> options, ILogger<ScheduledDerestriction> logger)
    : BackgroundService
{
    public const string Actor = "portal (scheduled derestriction)";

    private static readonly Viewer System = Viewer.Anonymous;

    /// <summary>Applies every derestriction due today or earlier; returns how many this call applied.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<int> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Documents.Where(d => d.DerestrictOn != null && d.DerestrictOn <= today).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        }
        var applied = 0;
        foreach (var id in due)
        {
            // Each document is stamped when it changes, not when the pass began: readers of the stamps look back only a
            // minute (DocumentChangeStamps.LookBack), and a pass over many documents can take longer.
            if (await ApplyAsync(id, today, clock.GetUtcNow(), cancellationToken))
            {
                applied++;
            }
        }
        return applied;
    }

    private async Task<bool> ApplyAsync(int id, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var document = await DocumentEditor.LoadDocumentAsync(db, id, cancellationToken);
        if (document is null)
        {
            return false;
        }
        var before = DocumentEditor.ToDraft(document);
        var claimed = await db.Documents
            .Where(d => d.Id == id && d.DerestrictOn != null && d.DerestrictOn <= today)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Distribution, Distribution.General)
                .SetProperty(d => d.DerestrictOn, (DateOnly?)null)
                .SetProperty(d => d.ChangedAt, now)
                .SetProperty(d => d.EverPublic, d => d.EverPublic || d.Status == PublicationStatus.Published)
                .SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
        if (claimed == 0)
        {
            // Another instance applied it first (or an editor changed the date meanwhile).
            return false;
        }
        // The row changed under the loaded entity: take its new revision, so the save below (member states,
        // the change stamp) is not mistaken for a lost update.
        await db.Entry(document).ReloadAsync(cancellationToken);
        var after = DocumentEditor.ToDraft(document);
        after.Distribution = Distribution.General;
        after.DerestrictOn = null;
        after.MemberStates = "";
        db.DocumentMemberStates.RemoveRange(document.MemberStates);
        AuditLog.Record(db, System, Actor, now, "derestrict", id, before.Symbols, new { document.Status, Draft = before }, new { document.Status, Draft = after });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Derestricted document {DocumentId} ({Symbols}) as scheduled", id, before.Symbols);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await ApplyDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away (a restart, a failover) must not stop later passes.
                logger.LogError(e, "Applying scheduled derestrictions failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
