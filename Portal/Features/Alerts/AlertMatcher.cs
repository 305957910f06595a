using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Search;
using Portal.Infrastructure;

namespace Portal.Features.Alerts;

/// <summary>
/// Turns each recorded publication into matches for the confirmed subscriptions that follow it, and an
/// outbox message for each one sent immediately. A publication is claimed with a lease before it is
/// matched (several instances may run), and its matches, messages and "matched" mark are saved in one
/// transaction; a subscription hears about a document at most once (unique match).
/// </summary>
public sealed class AlertMatcher(IDbContextFactory<PortalDbContext> contexts, AlertComposer composer, IServiceProvider services,
    IOptions<AlertOptions> options, ILogger<AlertMatcher> logger)
{
    private readonly SearchQueries _search = services.GetRequiredService<SearchQueries>();

    private sealed record PublishedDocumentFacts(PublicationStatus Status, string? Sender, List<string> SymbolKeys, List<SessionKey> Sessions,
        List<AgendaItemKey> Items, List<string> Languages);

    /// <summary>Matches the publications waiting; returns how many were matched.</summary>
    public async Task<int> MatchPendingAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<long> pending;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.AlertPublications.Where(p => p.MatchedAt == null && (p.LeaseUntil == null || p.LeaseUntil < now))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(100).ToListAsync(cancellationToken);
        }
        var matched = 0;
        foreach (var id in pending)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var leaseUntil = now + options.Value.Lease;
            var claimed = await db.AlertPublications.Where(p => p.Id == id && p.MatchedAt == null && (p.LeaseUntil == null || p.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, leaseUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            await MatchAsync(db, id, now, cancellationToken);
            matched++;
        }
        return matched;
    }

    private async Task MatchAsync(PortalDbContext db, long publicationId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var publication = await db.AlertPublications.SingleAsync(p => p.Id == publicationId, cancellationToken);
        var facts = await FactsAsync(db, publication.DocumentId, cancellationToken);
        var created = 0;
        if (facts is { Status: PublicationStatus.Published })
        {
            foreach (var subscription in await CandidatesAsync(db, facts, cancellationToken))
            {
                if (await db.AlertMatches.AnyAsync(m => m.SubscriptionId == subscription.Id && m.DocumentId == publication.DocumentId, cancellationToken))
                {
                    continue;
                }
                var languages = AlertLanguages.Parse(subscription.Languages);
                if (languages.Count > 0 && !facts.Languages.Intersect(languages).Any())
                {
                    continue;
                }
                var viewer = await AlertViewers.OfAsync(db, subscription.UserId, cancellationToken);
                if (!await AlertViewers.SeesAllAsync(db, viewer, [publication.DocumentId], cancellationToken))
                {
                    continue;
                }
                if (subscription.Target == AlertTarget.Search
                    && (AlertTargets.SearchFilter(subscription.TargetValue) is not { } filter
                        || !await _search.FindsAsync(filter, publication.DocumentId, viewer, cancellationToken)))
                {
                    continue;
                }
                var match = new AlertMatch { Subscription = subscription, SubscriptionId = subscription.Id, DocumentId = publication.DocumentId, MatchedAt = now };
                if (subscription.Frequency == AlertFrequency.Immediately)
                {
                    match.Message = await composer.ComposeAsync(db, subscription, viewer, [publication.DocumentId], AlertMessageKind.Alert, now, cancellationToken);
                    if (match.Message is null)
                    {
                        continue;
                    }
                    db.AlertMessages.Add(match.Message);
                }
                db.AlertMatches.Add(match);
                created++;
            }
        }
        publication.MatchedAt = now;
        publication.LeaseUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Document {DocumentId} matched {Count} alert subscriptions.", publication.DocumentId, created);
    }

    private static async Task<PublishedDocumentFacts?> FactsAsync(PortalDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var row = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => new
        {
            d.Status,
            d.Sender,
            Symbols = d.Symbols.Select(s => s.Key).ToList(),
            Sessions = d.Sessions.Select(s => new { s.Session.Organ, s.Session.Number }).ToList(),
            Items = d.AgendaItems.Select(a => new { a.AgendaItem.Session.Organ, Session = a.AgendaItem.Session.Number, a.AgendaItem.Number }).ToList(),
            Languages = d.LanguageVersions.Select(v => v.Language).ToList(),
        }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new PublishedDocumentFacts(row.Status, row.Sender, row.Symbols,
            [.. row.Sessions.Select(s => new SessionKey(s.Organ, s.Number))],
            [.. row.Items.Select(i => new AgendaItemKey(i.Organ, i.Session, i.Number))],
            row.Languages);
    }

    /// <summary>Confirmed subscriptions whose target may match: exact keys in the database; symbol families and searches checked here.</summary>
    private static async Task<List<AlertSubscription>> CandidatesAsync(PortalDbContext db, PublishedDocumentFacts facts, CancellationToken cancellationToken)
    {
        var items = facts.Items.Select(i => i.ToString()).ToList();
        var sessions = facts.Sessions.Select(s => s.ToString()).ToList();
        var organs = facts.Sessions.Select(s => SessionNames.Slug(s.Organ)).Distinct().ToList();
        var sender = facts.Sender?.ToLower();
        var candidates = await db.AlertSubscriptions.Where(s => s.ConfirmedAt != null && s.PausedAt == null && (
                (s.Target == AlertTarget.AgendaItem && items.Contains(s.TargetValue))
                || (s.Target == AlertTarget.Session && sessions.Contains(s.TargetValue))
                || (s.Target == AlertTarget.Organ && organs.Contains(s.TargetValue))
                || (s.Target == AlertTarget.Sender && sender != null && s.TargetValue.ToLower() == sender)
                || s.Target == AlertTarget.SymbolFamily
                || s.Target == AlertTarget.Search))
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. candidates.Where(s => s.Target != AlertTarget.SymbolFamily
            || facts.SymbolKeys.Any(k => k.StartsWith(s.TargetValue.TrimEnd('*'), StringComparison.Ordinal)))];
    }
}
