using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Downloads;

/// <summary>
/// Writes files of language versions. The bytes go to the store first and the row second, so a
/// row never points at missing bytes; bytes whose row was never written (a failure in between) or
/// was replaced are removed later by <see cref="StoredFileSweeper"/>.
/// </summary>
public sealed class DocumentFileCommands(IDbContextFactory<PortalDbContext> contextFactory, IDocumentFileStore store, TimeProvider clock)
{
    /// <summary>Stores <paramref name="content"/> as the version's file of that format, replacing any earlier one.</summary>
    public async Task<StoredFile> AttachAsync(
        int languageVersionId, FileFormat format, string fileName, string mediaType, Stream content,
        DateTimeOffset? generatedFrom = null, CancellationToken cancellationToken = default)
    {
        var blob = await store.PutAsync(content, cancellationToken);
        await using var db = contextFactory.CreateDbContext();
        var row = await db.StoredFiles.FirstOrDefaultAsync(f => f.LanguageVersionId == languageVersionId && f.Format == format, cancellationToken);
        if (generatedFrom is not null && row is { GeneratedFrom: null })
        {
            // An uploaded PDF is never replaced by a generated one.
            return row;
        }
        if (row is null)
        {
            row = new StoredFile { LanguageVersionId = languageVersionId, Format = format };
            db.StoredFiles.Add(row);
        }
        row.Sha256 = blob.Sha256;
        row.Length = blob.Length;
        row.MediaType = mediaType;
        row.FileName = Path.GetFileName(fileName);
        row.StoredAt = clock.GetUtcNow();
        row.GeneratedFrom = generatedFrom;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}

/// <summary>
/// Deletes blobs no row refers to, once they are older than a grace period (a put whose row is
/// still being written is younger than that), and temporary files left by interrupted puts.
/// Runs at start-up and then every few hours.
/// </summary>
public sealed class StoredFileSweeper(IDbContextFactory<PortalDbContext> contextFactory, IDocumentFileStore store, TimeProvider clock, ILogger<StoredFileSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Removes unreferenced blobs last written before <c>now - grace</c>; returns how many went.</summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - grace;
        var candidates = new List<string>();
        await foreach (var blob in store.ListAsync(cancellationToken))
        {
            if (blob.LastWrittenAt < cutoff)
            {
                candidates.Add(blob.Sha256);
            }
        }
        var removed = 0;
        await using var db = contextFactory.CreateDbContext();
        foreach (var chunk in candidates.Chunk(500))
        {
            var referenced = await db.StoredFiles.AsNoTracking()
                .Where(f => chunk.Contains(f.Sha256))
                .Select(f => f.Sha256).Distinct()
                .ToListAsync(cancellationToken);
            foreach (var key in chunk.Except(referenced))
            {
                // Re-checked at deletion: the same bytes may have been put again since the listing,
                // their row not yet written.
                if (await store.DeleteAsync(key, cutoff, cancellationToken))
                {
                    removed++;
                }
            }
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var removed = await SweepAsync(GracePeriod, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} unreferenced files from the file store", removed);
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
