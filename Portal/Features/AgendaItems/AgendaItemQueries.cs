using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.AgendaItems;

public sealed class AgendaItemQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// An agenda item with one page of its documents (or of one sub-item's), filtered and sorted on the server.
    /// Null when the session or the item does not exist.
    /// </summary>
    public async Task<AgendaItemDetail?> GetAsync(Organ organ, int session, int number, AgendaItemFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var item = await db.AgendaItems.AsNoTracking()
            .Where(a => a.Session.Organ == organ && a.Session.Number == session && a.Number == number)
            .Select(a => new
            {
                a.Id,
                Titles = a.Titles.Select(t => new VersionTitle(t.Language, t.Title)).ToList(),
                SubItems = a.SubItems.OrderBy(s => s.Letter).Select(s => s.Letter).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        // "Id IN (the item's rows)" rather than "EXISTS (...)": SQLite then starts from the item's few
        // rows in the link table instead of probing every visible document (15 s at a million).
        var inItem = filter.SubItem is { } letter
            ? db.DocumentAgendaSubItems.Where(s => s.AgendaSubItem.AgendaItemId == item.Id && s.AgendaSubItem.Letter == letter).Select(s => s.DocumentId)
            : db.DocumentAgendaItems.Where(a => a.AgendaItemId == item.Id).Select(a => a.DocumentId);
        var documents = db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(viewer))
            .Where(d => inItem.Contains(d.Id));
        if (filter.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }
        if (filter.Language is { } language)
        {
            documents = documents.Where(d => d.LanguageVersions.Any(v => v.Language == language));
        }

        var total = await documents.CountAsync(cancellationToken);
        var pageSize = Paging.ClampPageSize(filter.PageSize);
        var page = Paging.ClampPage(filter.Page, total, pageSize);
        var rows = await Sort(documents, filter.Sort, filter.Descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(DocumentRow.Projection)
            .ToListAsync(cancellationToken);

        var title = TitlePreference.PickItemTitle(item.Titles);
        return new AgendaItemDetail(organ, session, number, title, item.Titles, new PagedResult<DocumentRow>(rows, total, page, pageSize), item.SubItems);
    }

    private static IQueryable<Document> Sort(IQueryable<Document> documents, DocumentSort sort, bool descending)
    {
        // Every sort ends on Id so that pages never overlap or skip rows. A missing symbol or title
        // sorts as "": SQLite puts NULLs first and PostgreSQL last, and lists must not depend on that.
        return (sort, descending) switch
        {
            (DocumentSort.Symbol, false) => documents.OrderBy(d => d.Symbols.OrderBy(s => s.Position).Select(s => s.Key).FirstOrDefault() ?? "").ThenBy(d => d.Id),
            (DocumentSort.Symbol, true) => documents.OrderByDescending(d => d.Symbols.OrderBy(s => s.Position).Select(s => s.Key).FirstOrDefault() ?? "").ThenByDescending(d => d.Id),
            (DocumentSort.Title, false) => documents.OrderBy(TitlePreference.DocumentTitle).ThenBy(d => d.Id),
            (DocumentSort.Title, true) => documents.OrderByDescending(TitlePreference.DocumentTitle).ThenByDescending(d => d.Id),
            (DocumentSort.Kind, false) => documents.OrderBy(d => d.Kind).ThenByDescending(d => d.ListedOn).ThenBy(d => d.Id),
            (DocumentSort.Kind, true) => documents.OrderByDescending(d => d.Kind).ThenByDescending(d => d.ListedOn).ThenBy(d => d.Id),
            (_, false) => documents.OrderBy(d => d.ListedOn).ThenBy(d => d.Id),
            _ => documents.OrderByDescending(d => d.ListedOn).ThenByDescending(d => d.Id),
        };
    }
}
