using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Mail;

namespace Portal.Features.Alerts;

/// <summary>
/// Sends the outbox. Each message is claimed by a conditional update (not sent, not leased or its lease
/// expired), sent through the SMTP server, and only then marked sent by the instance holding the lease. An
/// instance that dies mid-send leaves a lease that expires, and the message goes out later (with the same
/// Message-ID); a failure is retried after a delay that doubles each time. Nothing is deleted.
/// </summary>
public sealed class AlertOutbox(IDbContextFactory<PortalDbContext> contexts, IMailSender mail, IOptions<AlertOptions> options,
    TimeProvider clock, ILogger<AlertOutbox> logger)
{
    /// <summary>This process's name on the leases it takes.</summary>
    public string InstanceId { get; } = $"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}" is var id && id.Length > 100 ? id[..100] : id;

    /// <summary>Sends the messages due at <paramref name="now"/>; returns how many went out.</summary>
    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(cancellationToken);
        }
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private static IQueryable<AlertMessage> Due(PortalDbContext db, DateTime now) =>
        db.AlertMessages.Where(m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + options.Value.Lease;
        var owner = InstanceId;
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var message = await db.AlertMessages.AsNoTracking().Include(m => m.Subscription).SingleAsync(m => m.Id == id, cancellationToken);
        if (await WithheldBecauseAsync(db, message, cancellationToken) is { } reason)
        {
            await db.AlertMessages.Where(m => m.Id == id && m.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AbandonedAt, now).SetProperty(m => m.LastError, reason).SetProperty(m => m.LeaseUntil, (DateTime?)null), cancellationToken);
            logger.LogWarning("Alert message {Id} to {To} was not sent: {Reason}", id, message.To, reason);
            return false;
        }
        try
        {
            await mail.SendAsync(ToMail(message), cancellationToken);
        }
        catch (MailNotSentException e)
        {
            var attempts = message.Attempts + 1;
            var settings = options.Value;
            var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (long)Math.Pow(2, Math.Min(attempts - 1, 30))));
            var giveUp = attempts >= settings.MaxAttempts;
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await db.AlertMessages.Where(m => m.Id == id && m.LeaseOwner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + delay)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.AbandonedAt, giveUp ? now : null), CancellationToken.None);
            if (giveUp)
            {
                logger.LogError(e, "Alert message {Id} to {To} was given up after {Attempts} attempts.", id, message.To, attempts);
            }
            else
            {
                logger.LogWarning("Alert message {Id} to {To} failed (attempt {Attempts}), next try in {Delay}: {Error}", id, message.To, attempts, delay, e.Message);
            }
            return false;
        }
        // The server has the message: record it even if the portal is stopping, or it would go out twice.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.AlertMessages.Where(m => m.Id == id && m.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }

    /// <summary>Why an alert must not go out now: its subscription is unconfirmed, or a document in it is no longer visible to the subscriber.</summary>
    private static async Task<string?> WithheldBecauseAsync(PortalDbContext db, AlertMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == AlertMessageKind.Confirmation)
        {
            return null;
        }
        if (message.Subscription.ConfirmedAt is null)
        {
            return "the subscription is not confirmed.";
        }
        var documentIds = await db.AlertMatches.Where(m => m.MessageId == message.Id).Select(m => m.DocumentId).ToListAsync(cancellationToken);
        var viewer = await AlertViewers.OfAsync(db, message.Subscription.UserId, cancellationToken);
        return await AlertViewers.SeesAllAsync(db, viewer, documentIds, cancellationToken)
            ? null
            : "a document in it is no longer visible to the subscriber.";
    }

    private static OutgoingMail ToMail(AlertMessage message)
    {
        var headers = new Dictionary<string, string>();
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            headers["List-Unsubscribe"] = $"<{unsubscribe}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }
        return new OutgoingMail(message.To, message.Subject, message.TextBody, message.HtmlBody, headers, $"alert-{message.Id}-{message.CreatedAt.Ticks}@un-documents-portal");
    }
}
