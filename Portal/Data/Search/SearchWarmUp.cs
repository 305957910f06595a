using Portal.Infrastructure;

namespace Portal.Data.Search;

/// <summary>
/// Has the search index read what it keeps in memory (<see cref="ISearchIndex.WarmUpAsync"/>) as the portal starts, so
/// that the first search after a start does not wait for it: at a million documents that search took 1.5–1.7 s when it
/// did the reading itself, and takes 0.5 s now (BENCHMARKS.md).
/// </summary>
public sealed class SearchWarmUp(ISearchIndex index, ILogger<SearchWarmUp> logger) : BackgroundWarmUp(logger)
{
    protected override string What => "What search keeps in memory";

    protected override Task WarmUpAsync(CancellationToken cancellationToken) => index.WarmUpAsync(cancellationToken);
}
