using System.Diagnostics;

namespace Portal.Infrastructure;

/// <summary>
/// Reads ahead, as the portal starts and in the background, what the first request after a start or a deployment
/// would otherwise wait for. A request arriving meanwhile waits for that read where the reader shares it (the search
/// index's memory, the documents per session); a warm-up that fails is logged, and the first request reads instead.
/// </summary>
public abstract class BackgroundWarmUp(ILogger logger) : BackgroundService
{
    /// <summary>What is read ahead, for the log.</summary>
    protected abstract string What { get; }

    protected abstract Task WarmUpAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            await WarmUpAsync(stoppingToken);
            logger.LogInformation("{What} read ahead in {Milliseconds:F0} ms.", What, Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{What} could not be read ahead; the first request that needs it will read it.", What);
        }
    }
}
