using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Storage;

/// <summary>
/// Deletes blobs no row refers to, and temporary files left by interrupted puts, once they are older
/// than a grace period (a put whose row is still being written is younger than that). Runs at
/// start-up and then every few hours. Only blobs this database put into the store are deleted
/// (<see cref="StoreKeys"/>): a database restored from a backup older than the store, or a second
/// portal on the same bucket, does not know the newer files, and keeps them.
/// </summary>
/// <remarks>
/// A database that lost rows (restored from an old backup, or replaced by an empty one) makes every
/// file it forgot look like an orphan. So a pass that finds more orphans than a small share of the
/// store, or a store whose database references nothing, deletes nothing and logs an error: the
/// operator decides, never the sweep. Every deletion is logged with its key.
/// </remarks>
public sealed class StoredFileSweeper(
    IDbContextFactory<PortalDbContext> contextFactory, IDocumentFileStore store, TimeProvider clock,
    IOptions<FileSweepOptions> options, ILogger<StoredFileSweeper> logger)
    : BackgroundService
{
    private readonly FileSweepOptions _options = options.Value;

    /// <summary>Runs one pass with the configured limits; returns how many files went.</summary>
    public Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default) => SweepAsync(_options.GracePeriod, cancellationToken);

    /// <summary>Removes unreferenced blobs last written before <c>now - grace</c>, within the configured share.</summary>
    public async Task<SweepResult> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - grace;
        var blobs = 0;
        var oldBlobs = new List<string>();
        var oldTemporaryFiles = new List<string>();
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            if (!LocalDocumentFileStore.IsKey(blob.Sha256))
            {
                if (blob.LastWrittenAt < cutoff)
                {
                    oldTemporaryFiles.Add(blob.Sha256);
                }
                continue;
            }
            blobs++;
            if (blob.LastWrittenAt < cutoff)
            {
                oldBlobs.Add(blob.Sha256);
            }
        }

        await using var db = contextFactory.CreateDbContext();
        var orphans = new List<string>();
        var unrecorded = new List<string>();
        foreach (var chunk in oldBlobs.Chunk(500))
        {
            var referenced = await db.StoredFiles.AsNoTracking()
                .Where(f => chunk.Contains(f.Sha256))
                .Select(f => f.Sha256).Distinct()
                .ToListAsync(cancellationToken);
            // Files uploaded for ingestion are kept while their row is (waiting for the worker or for review).
            var ingested = await db.IngestionFiles.AsNoTracking()
                .Where(f => chunk.Contains(f.Sha256))
                .Select(f => f.Sha256).Distinct()
                .ToListAsync(cancellationToken);
            // Bulk dumps (gzip JSON Lines of the public catalogue) are kept while their row is.
            var dumps = await db.BulkDumps.AsNoTracking()
                .Where(d => chunk.Contains(d.Sha256))
                .Select(d => d.Sha256).Distinct()
                .ToListAsync(cancellationToken);
            var recorded = await db.FileStoreKeys.AsNoTracking()
                .Where(k => chunk.Contains(k.Sha256))
                .Select(k => k.Sha256)
                .ToListAsync(cancellationToken);
            var unreferenced = chunk.Except(referenced).Except(ingested).Except(dumps).ToList();
            orphans.AddRange(unreferenced.Intersect(recorded));
            unrecorded.AddRange(unreferenced.Except(recorded));
        }
        if (unrecorded.Count > 0)
        {
            logger.LogWarning(
                "File store sweep kept {Count} unreferenced files that this database did not put into the store: they may belong to a newer copy of the database " +
                "(this one restored from an older backup) or to another portal on the same store. First keys: {Keys}",
                unrecorded.Count, string.Join(", ", unrecorded.Take(5)));
        }

        var removedTemporary = await DeleteAsync(oldTemporaryFiles, cutoff, "temporary file of an interrupted upload", cancellationToken);
        if (orphans.Count == 0)
        {
            return new SweepResult(blobs, 0, removedTemporary, Refused: false, unrecorded.Count);
        }
        var allowed = (int)Math.Floor(blobs * _options.MaxDeleteShare);
        var referencesAny = await db.StoredFiles.AnyAsync(cancellationToken);
        if (orphans.Count > allowed || !referencesAny)
        {
            logger.LogError(
                "File store sweep refused: {Orphans} of {Blobs} stored files are not referenced by the database (at most {Allowed} may go in one pass, Portal:FileSweep:MaxDeleteShare = {Share}). " +
                "The database may have been lost, replaced or restored from an old backup; nothing was deleted. First unreferenced keys: {Keys}",
                orphans.Count, blobs, allowed, _options.MaxDeleteShare, string.Join(", ", orphans.Take(5)));
            return new SweepResult(blobs, 0, removedTemporary, Refused: true, unrecorded.Count);
        }
        var removed = await DeleteAsync(orphans, cutoff, "unreferenced file", cancellationToken);
        return new SweepResult(blobs, removed, removedTemporary, Refused: false, unrecorded.Count);
    }

    private async Task<int> DeleteAsync(List<string> keys, DateTimeOffset cutoff, string what, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var key in keys)
        {
            // Re-checked at deletion: the same bytes may have been put again since the listing,
            // their row not yet written.
            if (await store.DeleteAsync(key, cutoff, cancellationToken))
            {
                logger.LogInformation("File store sweep deleted {What} {Key}", what, key);
                removed++;
                if (LocalDocumentFileStore.IsKey(key))
                {
                    // A later put of the same bytes records the key again.
                    await using var db = contextFactory.CreateDbContext();
                    await db.FileStoreKeys.Where(k => k.Sha256 == key).ExecuteDeleteAsync(cancellationToken);
                }
            }
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, clock);
        do
        {
            try
            {
                var result = await SweepAsync(stoppingToken);
                if (result.Removed + result.RemovedTemporary > 0)
                {
                    logger.LogInformation("File store sweep removed {Count} unreferenced and {Temporary} temporary files of {Blobs}", result.Removed, result.RemovedTemporary, result.Blobs);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "File store sweep failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>What one sweep pass found and did.</summary>
/// <param name="Blobs">Stored files (not counting temporary ones) when the pass listed the store.</param>
/// <param name="Removed">Unreferenced files deleted.</param>
/// <param name="RemovedTemporary">Temporary files of interrupted uploads deleted.</param>
/// <param name="Refused">Whether the pass found too many unreferenced files and deleted none of them.</param>
/// <param name="KeptUnrecorded">Unreferenced files kept because this database never put them into the store (<see cref="StoreKeys"/>).</param>
public sealed record SweepResult(int Blobs, int Removed, int RemovedTemporary, bool Refused, int KeptUnrecorded = 0);
