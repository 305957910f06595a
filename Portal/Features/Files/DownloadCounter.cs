using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Files;

/// <summary>
/// Counts downloads per document and language off the hot path: a download only drops a note in
/// a bounded channel (never waiting; when the writer falls far behind, notes are dropped rather
/// than slowing downloads), and a background service adds them up and writes them in batches.
/// </summary>
public sealed class DownloadCounter(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider clock, ILogger<DownloadCounter> logger)
    : BackgroundService
{
    private static readonly TimeSpan BatchWindow = TimeSpan.FromSeconds(1);
    private const int MaxBatch = 5_000;

    private readonly Channel<(int DocumentId, string Language)> _hits = Channel.CreateBounded<(int, string)>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Record(int documentId, string language) => _hits.Writer.TryWrite((documentId, language));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new Dictionary<(int, string), long>();
        try
        {
            while (await _hits.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a burst accumulate, then take what is there in one transaction.
                await Task.Delay(BatchWindow, clock, stoppingToken);
                var taken = 0;
                while (taken < MaxBatch && _hits.Reader.TryRead(out var hit))
                {
                    batch[hit] = batch.GetValueOrDefault(hit) + 1;
                    taken++;
                }
                await FlushAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_hits.Reader.TryRead(out var hit))
            {
                batch[hit] = batch.GetValueOrDefault(hit) + 1;
            }
            await FlushAsync(batch, CancellationToken.None);
        }
    }

    private async Task FlushAsync(Dictionary<(int DocumentId, string Language), long> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            var now = clock.GetUtcNow();
            await using var db = contextFactory.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var ((documentId, language), count) in batch)
            {
                // An upsert that both SQLite and PostgreSQL understand.
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "DownloadCounts" ("DocumentId", "Language", "Count", "LastDownloadedAt")
                    SELECT {documentId}, {language}, {count}, {now}
                    WHERE EXISTS (SELECT 1 FROM "Documents" WHERE "Id" = {documentId})
                    ON CONFLICT ("DocumentId", "Language") DO UPDATE SET "Count" = "DownloadCounts"."Count" + excluded."Count", "LastDownloadedAt" = excluded."LastDownloadedAt"
                    """, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            batch.Clear();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counts are kept in the batch and retried with the next one.
            logger.LogWarning(e, "Could not record {Count} download counts; will retry", batch.Count);
        }
    }
}
