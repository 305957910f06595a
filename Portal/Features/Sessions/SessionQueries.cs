using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Sessions;

public sealed class SessionQueries(IDbContextFactory<PortalDbContext> contextFactory, IMemoryCache cache, CatalogueVersion catalogue,
    TimeProvider clock)
{
    /// <summary>Counts older than this are counted again whatever the documents' change stamps say.</summary>
    public static readonly TimeSpan CountsMaxAge = TimeSpan.FromHours(1);

    /// <summary>
    /// All sessions, newest first within each organ, with the number of documents the viewer may see.
    /// Counting reads every document-session link (a million at UN scale, ~0.7 s), so the counts are kept per access
    /// level until the catalogue changes: at once when this instance saves or is told of a save
    /// (<see cref="CatalogueVersion"/>); for another instance's writes, when a document's change stamp
    /// (<see cref="Document.ChangedAt"/>, indexed) is newer than the count, looked up at most
    /// <see cref="CatalogueVersion.MaxAge"/> apart. Counting again every <see cref="CatalogueVersion.MaxAge"/> instead
    /// made a home-page visitor wait for a recount each minute, changed or not.
    /// </summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var counts = await DocumentCountsAsync(viewer, cancellationToken);
        return (await ListNamesAsync(cancellationToken))
            .Select(s => s with { DocumentCount = counts.GetValueOrDefault(s.Id) })
            .ToList();
    }

    /// <summary>All sessions without counts (cached), newest first within each organ.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListNamesAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(("session-names", catalogue.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CatalogueVersion.MaxAge;
            await using var db = contextFactory.CreateDbContext();
            return (IReadOnlyList<SessionRow>)await db.Sessions.AsNoTracking()
                .OrderBy(s => s.Organ).ThenByDescending(s => s.Number)
                .Select(s => new SessionRow(s.Id, s.Organ, s.Number, 0))
                .ToListAsync(cancellationToken);
        }) ?? [];

    /// <summary>How many sessions of each organ the side menu links to; "All sessions" lists the rest.</summary>
    public const int RecentSessionsPerOrgan = 3;

    /// <summary>
    /// The <see cref="RecentSessionsPerOrgan"/> newest sessions of each organ, for the menu on every page:
    /// a constant number of links however many sessions the catalogue holds.
    /// </summary>
    public async Task<IReadOnlyList<SessionRow>> ListRecentNamesAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(("recent-session-names", catalogue.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CatalogueVersion.MaxAge;
            return (IReadOnlyList<SessionRow>)(await ListNamesAsync(cancellationToken))
                .GroupBy(s => s.Organ)
                .SelectMany(g => g.Take(RecentSessionsPerOrgan))
                .ToList();
        }) ?? [];

    private async Task<IReadOnlyDictionary<int, int>> DocumentCountsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var key = ("session-document-counts", viewer.VisibilityKey, catalogue.Current);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out KeptCounts? kept) && kept is not null && now - kept.CountedAt < CountsMaxAge)
        {
            if (now - kept.CheckedAt < CatalogueVersion.MaxAge)
            {
                return kept.Counts;
            }
            var since = kept.CountedAt - DocumentChangeStamps.LookBack;
            await using var db = contextFactory.CreateDbContext();
            if (!await db.Documents.AnyAsync(d => d.ChangedAt > since, cancellationToken))
            {
                kept.CheckedAt = now;
                return kept.Counts;
            }
        }
        var counts = await CountDocumentsPerSessionAsync(viewer, cancellationToken);
        cache.Set(key, new KeptCounts(counts, now), new MemoryCacheEntryOptions { SlidingExpiration = CountsMaxAge });
        return counts;
    }

    /// <summary>Counts per session as counted at <see cref="CountedAt"/>, last found current at <see cref="CheckedAt"/>.</summary>
    private sealed class KeptCounts(IReadOnlyDictionary<int, int> counts, DateTimeOffset countedAt)
    {
        private long _checkedAtTicks = countedAt.UtcTicks;

        public IReadOnlyDictionary<int, int> Counts { get; } = counts;

        public DateTimeOffset CountedAt { get; } = countedAt;

        public DateTimeOffset CheckedAt
        {
            get => new(Interlocked.Read(ref _checkedAtTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _checkedAtTicks, value.UtcTicks);
        }
    }

    // One pass over the link rows, grouped, instead of one count per session.
    private async Task<Dictionary<int, int>> CountDocumentsPerSessionAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var visible = db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Select(d => d.Id);
        return await db.DocumentSessions
            .Where(ds => visible.Contains(ds.DocumentId))
            .GroupBy(ds => ds.SessionId)
            .Select(g => new { SessionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SessionId, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// A session with its agenda items and counts, and one page of the documents not filed under
    /// any of its agenda items (for the Security Council, usually all of them). Null when there is
    /// no such session.
    /// </summary>
    public async Task<SessionDetail?> GetAsync(Organ organ, int number, Viewer viewer, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var visible = db.Documents.Where(DocumentAccess.VisibleTo(viewer));
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Organ == organ && s.Number == number)
            .Select(s => new
            {
                Row = new SessionRow(s.Id, s.Organ, s.Number, db.DocumentSessions.Count(ds => ds.SessionId == s.Id && visible.Any(d => d.Id == ds.DocumentId))),
                s.StartsOn,
                s.EndsOn,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var items = await db.AgendaItems.AsNoTracking()
            .Where(a => a.SessionId == session.Row.Id)
            .OrderBy(a => a.Number)
            .Select(a => new
            {
                a.Number,
                Title = a.Titles.AsQueryable().OrderBy(TitlePreference.EnglishFirst).Select(t => t.Title).FirstOrDefault() ?? "",
                Count = a.Documents.Count(da => visible.Any(d => d.Id == da.DocumentId)),
            })
            .ToListAsync(cancellationToken);

        var sessionId = session.Row.Id;
        // IN, not EXISTS: SQLite starts from the session's link rows (see AgendaItemQueries).
        var inSession = db.DocumentSessions.Where(ds => ds.SessionId == sessionId).Select(ds => ds.DocumentId);
        var unfiled = visible
            .Where(d => inSession.Contains(d.Id))
            .Where(d => !d.AgendaItems.Any(da => da.AgendaItem.SessionId == sessionId));
        var unfiledCount = await unfiled.CountAsync(cancellationToken);
        pageSize = Paging.ClampPageSize(pageSize);
        page = Paging.ClampPage(page, unfiledCount, pageSize);
        var unfiledRows = await unfiled
            .OrderByDescending(d => d.ListedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(DocumentRow.Projection)
            .ToListAsync(cancellationToken);

        var neighbours = db.Sessions.AsNoTracking().Where(s => s.Organ == organ);
        var previous = await neighbours.Where(s => s.Number < number).OrderByDescending(s => s.Number)
            .Select(s => new SessionRow(s.Id, s.Organ, s.Number, 0)).FirstOrDefaultAsync(cancellationToken);
        var next = await neighbours.Where(s => s.Number > number).OrderBy(s => s.Number)
            .Select(s => new SessionRow(s.Id, s.Organ, s.Number, 0)).FirstOrDefaultAsync(cancellationToken);

        return new SessionDetail(session.Row, session.StartsOn, session.EndsOn,
            items.Select(i => new AgendaItemRow(i.Number, i.Title, i.Count)).ToList(),
            new PagedResult<DocumentRow>(unfiledRows, unfiledCount, page, pageSize), previous, next);
    }
}
