using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Alerts;

/// <summary>Wakes the alert worker before its next pass: a subscription waits for its confirmation message, a document was published.</summary>
public sealed class AlertWakeUp : WakeUpSignal;

/// <summary>
/// The background worker: matches new publications, writes the digests that are due, and sends the
/// outbox, every <see cref="AlertOptions.PollInterval"/> or sooner when woken. A failing pass (database
/// unreachable) is logged and tried again on the next.
/// </summary>
public sealed class AlertWorker(AlertMatcher matcher, AlertDigests digests, AlertOutbox outbox, AlertWakeUp wakeUp,
    IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The alert worker's pass failed; it runs again in {Interval}.", options.Value.PollInterval);
            }
            try
            {
                await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: match, digest, send.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await matcher.MatchPendingAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        await digests.ComposeDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        await outbox.SendDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
