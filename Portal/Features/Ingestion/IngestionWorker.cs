using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Storage;

namespace Portal.Features.Ingestion;

/// <summary>
/// Reads the pending files of every batch, one at a time, on every instance. A file is claimed with one
/// conditional UPDATE (still pending, no live lease), so only one instance reads it; its proposal (or the
/// reason it failed) is written only while the lease is still this worker's. A stop lets the file in hand
/// finish (reading is bounded by <see cref="IngestionLimits.MaxReadTime"/>) and leaves the rest pending; an
/// instance that dies mid-file leaves a lease that expires, and the file is read again. One bad file is
/// marked failed with its reason and the batch goes on.
/// </summary>
public sealed class IngestionWorker(
    IDbContextFactory<PortalDbContext> contexts, IDocumentFileStore store, IngestionWakeUp wakeUp, TimeProvider clock,
    IOptions<IngestionOptions> options, ILogger<IngestionWorker> logger) : BackgroundService
{
    private readonly DocumentReading _reading = new();

    /// <summary>This worker's name on the leases it takes.</summary>
    public string Owner { get; } = OwnerName();

    private static string OwnerName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProcessPendingAsync(int.MaxValue, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The ingestion worker's pass failed; it runs again in {Interval}.", options.Value.PollInterval);
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

    /// <summary>Reads pending files until none is left, <paramref name="max"/> were read or a stop is asked; returns how many this call read.</summary>
    public async Task<int> ProcessPendingAsync(int max, CancellationToken stoppingToken)
    {
        var done = 0;
        while (done < max && !stoppingToken.IsCancellationRequested)
        {
            var id = await ClaimNextAsync(stoppingToken);
            if (id is null)
            {
                break;
            }
            // The file in hand is finished even when a stop is asked meanwhile: its read is bounded in time.
            await ProcessAsync(id.Value, CancellationToken.None);
            done++;
        }
        return done;
    }

    private async Task<int?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var tries = 0; tries < 10; tries++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var candidate = await db.IngestionFiles.AsNoTracking()
                .Where(f => f.Status == IngestionFileStatus.Pending && (f.LeaseUntil == null || f.LeaseUntil < now))
                .OrderBy(f => f.BatchId).ThenBy(f => f.Position).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
            {
                return null;
            }
            var leaseUntil = now + options.Value.Lease;
            var claimed = await db.IngestionFiles
                .Where(f => f.Id == candidate && f.Status == IngestionFileStatus.Pending && (f.LeaseUntil == null || f.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, Owner).SetProperty(f => f.LeaseUntil, leaseUntil).SetProperty(f => f.Attempts, f => f.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return candidate;
            }
            // Another instance took it first: look for the next.
        }
        return null;
    }

    private async Task ProcessAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.IngestionFiles.SingleAsync(f => f.Id == id, cancellationToken);
        try
        {
            await using var stored = await store.OpenReadAsync(file.Sha256, cancellationToken)
                ?? throw new UnreadableDocumentException("The uploaded bytes are no longer in the file store; upload the file again.");
            using var buffer = new MemoryStream();
            await stored.CopyToAsync(buffer, cancellationToken);
            var text = await _reading.ReadAsync(buffer.ToArray(), cancellationToken);
            var proposal = DocumentExtractor.Extract(text);
            file.Format = text.Format;
            // PostgreSQL text holds no NUL characters; a PDF's text can.
            file.Pages = [.. text.Pages.Select(p => p.Replace("\0", "", StringComparison.Ordinal))];
            file.ProposalJson = JsonSerializer.Serialize(proposal, ExtractCommand.Json);
            file.DraftJson = IngestionCommands.SerializeDraft(ProposalDraft.From(proposal));
            file.Status = IngestionFileStatus.Extracted;
        }
        catch (UnreadableDocumentException e)
        {
            file.Status = IngestionFileStatus.Failed;
            file.Error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        }
        file.ProcessedAt = clock.GetUtcNow();
        file.LeaseOwner = null;
        file.LeaseUntil = null;
        // Written only while the lease is still ours: an instance that lost it (it expired) leaves the row to the new holder.
        var stillOurs = await db.IngestionFiles.AsNoTracking().AnyAsync(f => f.Id == id && f.LeaseOwner == Owner && f.Status == IngestionFileStatus.Pending, cancellationToken);
        if (!stillOurs)
        {
            logger.LogWarning("Ingestion file {Id}: the lease expired before it was read; another worker reads it", id);
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Ingestion file {Id} ({Name}): {Status}", id, file.FileName, file.Status);
    }
}
