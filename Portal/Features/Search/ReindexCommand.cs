using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Search;

namespace Portal.Features.Search;

/// <summary>
/// <c>dotnet run --project Portal -- reindex</c>: rebuilds the search index from the database, printing its
/// progress, then the table of symbols the texts cite (<see cref="TextCitationIndex"/>, which every save keeps
/// true, so this fills it for texts saved before it existed or written around the portal), then exits. The portal may keep running meanwhile (each batch is one short transaction); an
/// interrupted run is simply started again.
/// </summary>
public sealed class ReindexCommand(ISearchIndex index, IDbContextFactory<PortalDbContext> contextFactory)
{
    public const string Name = "reindex";

    public static bool Handles(string[] args) => args.Length == 1 && args[0] == Name;

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var before = await index.CheckAsync(cancellationToken);
        output.WriteLine($"Rebuilding the search index: {before.Expected:N0} rows (language versions and catalogue records), {before.Indexed:N0} indexed now.");
        var started = TimeProvider.System.GetTimestamp();
        var lastPercent = -1;
        await index.RebuildAsync(new SyncProgress(p =>
        {
            var percent = p.Documents == 0 ? 100 : p.DocumentsDone * 100 / p.Documents;
            if (percent != lastPercent)
            {
                lastPercent = percent;
                output.WriteLine($"  {p.DocumentsDone:N0} / {p.Documents:N0} documents ({percent} %, {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s)");
            }
        }), cancellationToken);
        var after = await index.CheckAsync(cancellationToken);
        output.WriteLine(after.InStep
            ? $"Done: {after.Indexed:N0} rows indexed in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s."
            : $"The index holds {after.Indexed:N0} rows of {after.Expected:N0}: the catalogue changed during the rebuild, or it failed; run it again.");
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var cited = await TextCitationIndex.RebuildAsync(db, cancellationToken);
            output.WriteLine($"Citations in the texts of {cited:N0} documents rewritten.");
        }
        return after.InStep ? 0 : 1;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<SearchRebuildProgress> report) : IProgress<SearchRebuildProgress>
    {
        public void Report(SearchRebuildProgress value) => report(value);
    }
}
