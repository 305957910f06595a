using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Features.Sessions;

/// <summary>
/// How many documents each session holds that a viewer may see, kept per access level (<see cref="Viewer.VisibilityKey"/>)
/// and per block of <see cref="BlockSize"/> document ids. Counting every document-session link takes 0.5–0.6 s at a
/// million documents, so a change recounts only the blocks of the documents it stamped (<see cref="Data.Entities.Document.ChangedAt"/>):
/// a block is counted again whole, so a document that left a session is uncounted there without knowing where it was.
/// The stamps are looked at when this instance has saved anything or been told of a save (<see cref="CatalogueVersion"/>), and otherwise at
/// most <see cref="CatalogueVersion.MaxAge"/> apart, for other instances' writes; everything is counted again after
/// <see cref="MaxAge"/>, for writes that bypass the stamps. One count per access level runs at a time; callers meanwhile await it.
/// </summary>
public sealed class SessionDocumentCounts(IDbContextFactory<PortalDbContext> contextFactory, CatalogueVersion catalogue, TimeProvider clock)
{
    /// <summary>Counts older than this are counted again whatever the documents' change stamps say.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>
    /// Document ids per block: at a million documents 62 blocks, each counted in about a sixtieth of the whole count.
    /// New documents take the newest ids, so registering and publishing them recounts the last block.
    /// </summary>
    public int BlockSize { get; init; } = 16_384;

    /// <summary>Past this many blocks changed since the last look (a bulk import), everything is counted again in one pass.</summary>
    public int MostBlocksRecounted { get; init; } = 16;

    private readonly ConcurrentDictionary<string, Level> _levels = new();

    /// <summary>The documents the viewer may see, per session id; sessions without any are absent.</summary>
    public async Task<IReadOnlyDictionary<int, int>> PerSessionAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var level = _levels.GetOrAdd(viewer.VisibilityKey, _ => new Level());
        var asked = catalogue.Current;
        for (var attempt = 1; ; attempt++)
        {
            Task<Counted> counting;
            lock (level)
            {
                if (Current(level.Kept) is { } kept)
                {
                    return kept.Totals;
                }
                // One count per level at a time, which every caller meanwhile awaits: it is not cancelled when the caller
                // that started it goes away, and when it fails they all learn so at once rather than each counting in turn.
                counting = level.Counting ??= Task.Run(() => CountAndKeepAsync(level, viewer), CancellationToken.None);
            }
            var counted = await counting.WaitAsync(cancellationToken);
            // A count that began before a save this caller knew of may not hold it: the next count, begun after this one
            // ended, does.
            if (counted.Version >= asked || attempt == 2)
            {
                return counted.Totals;
            }
        }
    }

    private async Task<Counted> CountAndKeepAsync(Level level, Viewer viewer)
    {
        try
        {
            return level.Kept = await CountAsync(viewer, level.Kept, CancellationToken.None);
        }
        finally
        {
            // Runs on the task's own thread, after the caller that started it has left the lock and kept the task.
            lock (level)
            {
                level.Counting = null;
            }
        }
    }

    private Counted? Current(Counted? kept)
    {
        var now = clock.GetUtcNow();
        return kept is not null && kept.Version == catalogue.Current && now - kept.CheckedAt < CatalogueVersion.MaxAge && now - kept.CountedAt < MaxAge
            ? kept : null;
    }

    private async Task<Counted> CountAsync(Viewer viewer, Counted? kept, CancellationToken cancellationToken)
    {
        // Read before the stamps: a save this instance makes meanwhile leaves the counts behind its version, and is looked for again.
        var version = catalogue.Current;
        var now = clock.GetUtcNow();
        await using var db = contextFactory.CreateDbContext();
        if (kept is not null && now - kept.CountedAt < MaxAge)
        {
            var since = kept.CheckedAt - DocumentChangeStamps.LookBack;
            var size = BlockSize;
            var changed = await db.Documents.Where(d => d.ChangedAt > since).Select(d => d.Id / size).Distinct()
                .Take(MostBlocksRecounted + 1).ToListAsync(cancellationToken);
            if (changed.Count <= MostBlocksRecounted)
            {
                var blocks = new Dictionary<int, IReadOnlyDictionary<int, int>>(kept.Blocks);
                foreach (var block in changed)
                {
                    blocks.Remove(block);
                    foreach (var (counted, sessions) in await CountBlocksAsync(db, viewer, block, cancellationToken))
                    {
                        blocks[counted] = sessions;
                    }
                }
                return new Counted(blocks, changed.Count == 0 ? kept.Totals : Sum(blocks), kept.CountedAt, now, version);
            }
        }
        var all = await CountBlocksAsync(db, viewer, block: null, cancellationToken);
        return new Counted(all, Sum(all), now, now, version);
    }

    /// <summary>The documents the viewer may see per block and session: every block, or the one given.</summary>
    private async Task<Dictionary<int, IReadOnlyDictionary<int, int>>> CountBlocksAsync(PortalDbContext db, Viewer viewer, int? block,
        CancellationToken cancellationToken)
    {
        var size = BlockSize;
        var links = db.DocumentSessions.AsQueryable();
        if (block is { } only)
        {
            var (from, to) = (only * size, (only + 1) * size);
            links = links.Where(ds => ds.DocumentId >= from && ds.DocumentId < to);
        }
        // A join, not "IN (the visible ids)": that list is every visible document even when one block is counted.
        var rows = await links
            .Join(db.Documents.Where(DocumentAccess.VisibleTo(viewer)), ds => ds.DocumentId, d => d.Id, (ds, d) => ds)
            .GroupBy(ds => new { Block = ds.DocumentId / size, ds.SessionId })
            .Select(g => new { g.Key.Block, g.Key.SessionId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Block).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.ToDictionary(r => r.SessionId, r => r.Count));
    }

    private static Dictionary<int, int> Sum(IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> blocks)
    {
        var totals = new Dictionary<int, int>();
        foreach (var sessions in blocks.Values)
        {
            foreach (var (session, count) in sessions)
            {
                totals[session] = totals.GetValueOrDefault(session) + count;
            }
        }
        return totals;
    }

    /// <summary>One access level's counts, and the count under way; its lock guards <see cref="Counting"/>.</summary>
    private sealed class Level
    {
        public volatile Counted? Kept;

        public Task<Counted>? Counting;
    }

    /// <summary>Counts per block and session, and their sums, as counted whole at <see cref="CountedAt"/> and brought up to date at <see cref="CheckedAt"/>.</summary>
    private sealed record Counted(IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> Blocks, IReadOnlyDictionary<int, int> Totals,
        DateTimeOffset CountedAt, DateTimeOffset CheckedAt, long Version);
}
