using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Alerts;

/// <summary>What someone asks for on a subscribe form.</summary>
/// <param name="InterfaceLanguage">The language of the page the request came from; the messages are written in it.</param>
public sealed record AlertRequest(AlertTargetValue Target, string Email, IReadOnlyList<string> Languages, AlertFrequency Frequency, string InterfaceLanguage = "en")
{
    /// <summary>One of the six codes; anything else is English.</summary>
    public string MessageLanguage => UnLanguage.TryParse(InterfaceLanguage, out var language) ? language.Code : UnLanguage.English.Code;
}

public enum SubscribeOutcome
{
    /// <summary>An anonymous subscriber: a confirmation link is on its way (or the same answer, when one cannot be sent again).</summary>
    ConfirmationSent,

    /// <summary>A signed-in account: subscribed at once, to its own address.</summary>
    Subscribed,
}

/// <summary>A subscription as its owner sees it.</summary>
public sealed record AlertSubscriptionRow(long Id, AlertTargetValue Target, string Email, string Languages, AlertFrequency Frequency, bool Confirmed, string Token,
    bool Paused = false)
{
    public string TargetPage => AlertTargets.PageUrl(Target) ?? "";
}

/// <summary>
/// Whose subscriptions a page manages: a signed-in account's (its own, and those its address confirmed without
/// signing in), or, through a signed manage link, every subscription of one address.
/// </summary>
public sealed record AlertOwner(string? UserId, string Email)
{
    public static AlertOwner? Of(Viewer viewer, string? accountEmail) => viewer.UserId is { } id ? new(id, accountEmail ?? "") : null;

    public static AlertOwner OfAddress(string email) => new(null, email);

    internal IQueryable<AlertSubscription> Filter(IQueryable<AlertSubscription> subscriptions)
    {
        var email = Email.Trim().ToLowerInvariant();
        return UserId is { } userId
            ? subscriptions.Where(s => s.UserId == userId || (email != "" && s.UserId == null && s.Email == email && s.ConfirmedAt != null))
            : subscriptions.Where(s => s.Email == email);
    }
}

/// <summary>
/// Subscribing (double opt-in for addresses, at once for accounts), confirming, unsubscribing and an
/// account's list of its subscriptions. Links carry the subscription's random token; nothing else reveals
/// whether an address is subscribed.
/// </summary>
public sealed class AlertSubscriptionService(IDbContextFactory<PortalDbContext> contexts, AlertComposer composer, AlertWakeUp wakeUp, TimeProvider clock)
{
    /// <summary>Confirmation messages one address may be sent per hour; more requests get the same answer and no message.</summary>
    public const int ConfirmationsPerHour = 5;

    public async Task<SubscribeOutcome> SubscribeAsync(AlertRequest request, Viewer viewer, string? accountEmail, string siteUrl, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var languages = AlertLanguages.Format(request.Languages);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (viewer.UserId is { } userId && accountEmail is not null)
        {
            var mine = await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId && s.Target == request.Target.Kind && s.TargetValue == request.Target.Value, cancellationToken);
            if (mine is null)
            {
                mine = New(request, accountEmail, userId, siteUrl, now);
                mine.ConfirmedAt = now;
                mine.DigestPeriodStart = now;
                db.AlertSubscriptions.Add(mine);
            }
            mine.Languages = languages;
            mine.Frequency = request.Frequency;
            mine.InterfaceLanguage = request.MessageLanguage;
            await db.SaveChangesAsync(cancellationToken);
            return SubscribeOutcome.Subscribed;
        }

        var email = request.Email.Trim().ToLowerInvariant();
        var since = now.AddHours(-1);
        if (await db.AlertMessages.CountAsync(m => m.To == email && m.Kind == AlertMessageKind.Confirmation && m.CreatedAt > since, cancellationToken) >= ConfirmationsPerHour)
        {
            return SubscribeOutcome.ConfirmationSent;
        }
        var existing = await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.UserId == null && s.Email == email && s.Target == request.Target.Kind && s.TargetValue == request.Target.Value, cancellationToken);
        if (existing is { ConfirmedAt: not null })
        {
            // Already subscribed; changing it takes its own links (unsubscribe, subscribe again), not a stranger's form.
            return SubscribeOutcome.ConfirmationSent;
        }
        var subscription = existing ?? New(request, email, null, siteUrl, now);
        subscription.Languages = languages;
        subscription.Frequency = request.Frequency;
        subscription.InterfaceLanguage = request.MessageLanguage;
        if (existing is null)
        {
            db.AlertSubscriptions.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
        }
        db.AlertMessages.Add(composer.Confirmation(subscription, now));
        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Now();
        return SubscribeOutcome.ConfirmationSent;
    }

    private static AlertSubscription New(AlertRequest request, string email, string? userId, string siteUrl, DateTime now) => new()
    {
        Email = email,
        UserId = userId,
        Target = request.Target.Kind,
        TargetValue = request.Target.Value,
        Token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
        SiteUrl = siteUrl.TrimEnd('/'),
        CreatedAt = now,
    };

    public async Task<AlertSubscriptionRow?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AlertSubscriptions.AsNoTracking().Where(s => s.Token == token).Select(Row).FirstOrDefaultAsync(cancellationToken) is { } row ? ToRow(row) : null;
    }

    /// <summary>Confirms the subscription of the link; false when the link is unknown.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = await db.AlertSubscriptions.FirstOrDefaultAsync(s => s.Token == token, cancellationToken);
        if (subscription is null)
        {
            return false;
        }
        subscription.ConfirmedAt ??= now;
        subscription.DigestPeriodStart ??= now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Ends the subscription of the link, with its matches and unsent messages; false when there is none (already ended).</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AlertSubscriptions.Where(s => s.Token == token).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The owner's subscriptions, oldest first.</summary>
    public async Task<IReadOnlyList<AlertSubscriptionRow>> ListAsync(AlertOwner? owner, CancellationToken cancellationToken = default)
    {
        if (owner is null)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await owner.Filter(db.AlertSubscriptions.AsNoTracking()).OrderBy(s => s.Id).Select(Row).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRow)];
    }

    /// <summary>
    /// Changes one of the owner's subscriptions' languages and frequency; false when it is not theirs (or gone).
    /// Leaving "immediately" for a digest starts the digest's period now; what a digest was collecting is sent
    /// at once when the subscription turns to "immediately".
    /// </summary>
    public async Task<bool> ChangeAsync(AlertOwner owner, long id, IReadOnlyList<string> languages, AlertFrequency frequency, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(frequency))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = await owner.Filter(db.AlertSubscriptions).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return false;
        }
        if (subscription.Frequency == AlertFrequency.Immediately && frequency != AlertFrequency.Immediately && subscription.ConfirmedAt is not null)
        {
            subscription.DigestPeriodStart = clock.GetUtcNow().UtcDateTime;
        }
        subscription.Frequency = frequency;
        subscription.Languages = AlertLanguages.Format(languages);
        await db.SaveChangesAsync(cancellationToken);
        wakeUp.Now();
        return true;
    }

    /// <summary>Pauses (nothing new is matched) or resumes one of the owner's subscriptions; false when it is not theirs.</summary>
    public async Task<bool> PauseAsync(AlertOwner owner, long id, bool paused, CancellationToken cancellationToken = default)
    {
        DateTime? pausedAt = paused ? clock.GetUtcNow().UtcDateTime : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await owner.Filter(db.AlertSubscriptions).Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PausedAt, pausedAt), cancellationToken) > 0;
        wakeUp.Now();
        return changed;
    }

    /// <summary>Ends one of the owner's subscriptions, with its matches and unsent messages.</summary>
    public async Task<bool> RemoveAsync(AlertOwner owner, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await owner.Filter(db.AlertSubscriptions).Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static bool IsToken(string? token) => token is { Length: > 20 and <= 64 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static readonly System.Linq.Expressions.Expression<Func<AlertSubscription, RowData>> Row = s =>
        new RowData(s.Id, s.Target, s.TargetValue, s.Email, s.Languages, s.Frequency, s.ConfirmedAt != null, s.Token, s.PausedAt != null);

    private sealed record RowData(long Id, AlertTarget Target, string TargetValue, string Email, string Languages, AlertFrequency Frequency, bool Confirmed, string Token, bool Paused);

    private static AlertSubscriptionRow ToRow(RowData r) =>
        new(r.Id, new AlertTargetValue(r.Target, r.TargetValue), r.Email, r.Languages, r.Frequency, r.Confirmed, r.Token, r.Paused);
}
