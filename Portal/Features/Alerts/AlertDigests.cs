using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Alerts;

/// <summary>
/// Collects what daily and weekly subscriptions matched into one message per period. A period starts at
/// confirmation and then at each digest; the instance that moves a subscription's period start (a
/// conditional update) is the one that writes its digest.
/// </summary>
public sealed class AlertDigests(IDbContextFactory<PortalDbContext> contexts, AlertComposer composer, ILogger<AlertDigests> logger)
{
    /// <summary>
    /// A digest's period. Immediately has none: matches of a subscription switched to it while a digest was
    /// collecting go out at once, each as its own alert, rather than waiting for a digest that no longer comes.
    /// </summary>
    public static TimeSpan Period(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Weekly => TimeSpan.FromDays(7),
        AlertFrequency.Daily => TimeSpan.FromDays(1),
        _ => TimeSpan.Zero,
    };

    /// <summary>Writes the digests due at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> ComposeDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<AlertSubscription> waiting;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            waiting = await db.AlertSubscriptions.AsNoTracking()
                .Where(s => s.ConfirmedAt != null && s.PausedAt == null
                    && db.AlertMatches.Any(m => m.SubscriptionId == s.Id && m.MessageId == null))
                .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        }
        var written = 0;
        foreach (var subscription in waiting.Where(s => (s.DigestPeriodStart ?? s.ConfirmedAt!.Value) + Period(s.Frequency) <= now))
        {
            if (await ComposeAsync(subscription, now, cancellationToken))
            {
                written++;
            }
        }
        return written;
    }

    private async Task<bool> ComposeAsync(AlertSubscription seen, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var start = seen.DigestPeriodStart;
        var moved = await db.AlertSubscriptions.Where(s => s.Id == seen.Id && s.DigestPeriodStart == start)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestPeriodStart, now), cancellationToken);
        if (moved == 0)
        {
            return false;
        }
        var subscription = await db.AlertSubscriptions.SingleAsync(s => s.Id == seen.Id, cancellationToken);
        var matches = await db.AlertMatches.Where(m => m.SubscriptionId == subscription.Id && m.MessageId == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var viewer = await AlertViewers.OfAsync(db, subscription.UserId, cancellationToken);
        var included = subscription.Frequency == AlertFrequency.Immediately
            ? await AlertEachAsync(db, subscription, viewer, matches, now, cancellationToken)
            : await DigestAsync(db, subscription, viewer, matches, now, cancellationToken);
        // A document the subscriber may no longer see leaves the queue: should it become visible again, it matches anew.
        db.AlertMatches.RemoveRange(matches.Except(included));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Kind} for subscription {Id}: {Count} documents.", subscription.Frequency == AlertFrequency.Immediately ? "Alerts" : "Digest",
            subscription.Id, included.Count);
        return included.Count > 0;
    }

    /// <summary>One digest message for the period's matches; returns the matches it lists.</summary>
    private async Task<List<AlertMatch>> DigestAsync(PortalDbContext db, AlertSubscription subscription, Infrastructure.Viewer viewer, List<AlertMatch> matches,
        DateTime now, CancellationToken cancellationToken)
    {
        var message = await composer.ComposeAsync(db, subscription, viewer, [.. matches.Select(m => m.DocumentId)], AlertMessageKind.Digest, now, cancellationToken);
        if (message is null)
        {
            return [];
        }
        var included = await VisibleAsync(db, viewer, matches, cancellationToken);
        db.AlertMessages.Add(message);
        foreach (var match in included)
        {
            match.Message = message;
        }
        return included;
    }

    /// <summary>
    /// A subscription switched to "immediately" while a digest was collecting: each waiting document goes out as the
    /// alert it would have been (its subject and body, one message per document), not as a digest that is no longer
    /// asked for. Returns the matches sent.
    /// </summary>
    private async Task<List<AlertMatch>> AlertEachAsync(PortalDbContext db, AlertSubscription subscription, Infrastructure.Viewer viewer, List<AlertMatch> matches,
        DateTime now, CancellationToken cancellationToken)
    {
        var included = new List<AlertMatch>();
        foreach (var match in await VisibleAsync(db, viewer, matches, cancellationToken))
        {
            if (await composer.ComposeAsync(db, subscription, viewer, [match.DocumentId], AlertMessageKind.Alert, now, cancellationToken) is { } message)
            {
                db.AlertMessages.Add(message);
                match.Message = message;
                included.Add(match);
            }
        }
        return included;
    }

    private static async Task<List<AlertMatch>> VisibleAsync(PortalDbContext db, Infrastructure.Viewer viewer, List<AlertMatch> matches, CancellationToken cancellationToken)
    {
        var ids = matches.Select(m => m.DocumentId).ToList();
        var visible = (await db.Documents.Where(d => ids.Contains(d.Id)).Where(Infrastructure.DocumentAccess.VisibleTo(viewer))
            .Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. matches.Where(m => visible.Contains(m.DocumentId))];
    }
}
