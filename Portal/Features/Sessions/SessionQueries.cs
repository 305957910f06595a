using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Sessions;

/// <param name="counts">The documents per session; by default kept by this instance as <see cref="SessionDocumentCounts"/> does.</param>
public sealed class SessionQueries(IDbContextFactory<PortalDbContext> contextFactory, IMemoryCache cache, CatalogueVersion catalogue,
    TimeProvider clock, SessionDocumentCounts? counts = null)
{
    private readonly SessionDocumentCounts _counts = counts ?? new(contextFactory, catalogue, clock);

    /// <summary>
    /// All sessions, newest first within each organ, with the number of documents the viewer may see
    /// (<see cref="SessionDocumentCounts"/>: kept, and brought up to date by the blocks of documents that changed).
    /// </summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var counts = await _counts.PerSessionAsync(viewer, cancellationToken);
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
                Titles = a.Titles.Select(t => new VersionTitle(t.Language, t.Title)).ToList(),
                Count = a.Documents.Count(da => visible.Any(d => d.Id == da.DocumentId)),
            })
            // The titles in a second command for all the items at once, so the counts are not repeated per title row.
            .AsSplitQuery()
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
            items.Select(i => new AgendaItemRow(i.Number, i.Titles, i.Count)).ToList(),
            new PagedResult<DocumentRow>(unfiledRows, unfiledCount, page, pageSize), previous, next);
    }
}
