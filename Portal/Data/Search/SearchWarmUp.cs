using System.Diagnostics;

namespace Portal.Data.Search;

/// <summary>
/// Has the search index read what it keeps in memory (<see cref="ISearchIndex.WarmUpAsync"/>) as the portal starts, in
/// the background, so that the first search after a start or a deployment does not wait for it: at a million documents
/// that search took 1.5–1.7 s when it did the reading itself, and takes 0.5 s now (BENCHMARKS.md). A search arriving
/// meanwhile waits for the same read, not for a second one. A warm-up that fails is logged, and the first search reads
/// instead.
/// </summary>
public sealed class SearchWarmUp(ISearchIndex index, ILogger<SearchWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            await index.WarmUpAsync(stoppingToken);
            logger.LogInformation("Search warmed up in {Milliseconds:F0} ms.", Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The search index could not read ahead what it keeps in memory; the first search will read it.");
        }
    }
}
