using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Api;

/// <summary>Filters of <c>/api/v1/documents</c>, already validated.</summary>
public sealed record ApiDocumentFilter(
    (Organ Organ, int Number)? Session = null,
    (Organ Organ, int Session, int Number)? AgendaItem = null,
    Organ? Organ = null,
    DocumentKind? Kind = null,
    Distribution? Distribution = null,
    string? Sender = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>A document of a list page with when it last changed; <c>Row</c> is null when the viewer may no longer see it.</summary>
public sealed record ListedApiDocument(int Id, DateTimeOffset ChangedAt, DocumentRow? Row);

/// <summary>What the API reads, always through <see cref="DocumentAccess.VisibleTo"/>.</summary>
public sealed class ApiQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// Documents in id order after <paramref name="afterId"/>: ids never change and new documents get higher
    /// ones, so a client that walks the cursor to the end has seen every document, even while others are added.
    /// </summary>
    public async Task<(IReadOnlyList<ListedApiDocument> Rows, bool HasMore)> ListDocumentsAsync(ApiDocumentFilter filter, int afterId, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        if (await FilteredAsync(db, db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(viewer)), filter, cancellationToken) is not { } filtered)
        {
            return ([], false);
        }
        var page = await filtered
            .Where(d => d.Id > afterId).OrderBy(d => d.Id).Take(limit + 1)
            .Select(d => new { d.Id, d.ChangedAt }).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, page.Take(limit).Select(p => (p.Id, p.ChangedAt)).ToList(), viewer, cancellationToken);
        return (rows, page.Count > limit);
    }

    /// <summary>
    /// Documents that changed after <paramref name="since"/> and no later than <paramref name="until"/>, in
    /// change order (time, then id) after the cursor: the ones the viewer sees, and, as removed, the ones it
    /// no longer sees but could once (<see cref="DocumentAccess.VisibleOrOnceVisibleTo"/>). A document that changes
    /// again during a walk moves past the cursor, so it comes again later: nothing is missed between pages.
    /// </summary>
    public async Task<(IReadOnlyList<ListedApiDocument> Rows, bool HasMore)> ListChangesAsync(ApiDocumentFilter filter, DateTimeOffset since, DateTimeOffset until,
        (DateTimeOffset ChangedAt, int Id)? after, int limit, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var changed = db.Documents.AsNoTracking().Where(d => d.ChangedAt > since && d.ChangedAt <= until);
        if (after is var (afterAt, afterId))
        {
            changed = changed.Where(d => d.ChangedAt > afterAt || (d.ChangedAt == afterAt && d.Id > afterId));
        }
        if (await FilteredAsync(db, changed.Where(DocumentAccess.VisibleOrOnceVisibleTo(viewer)), filter, cancellationToken) is not { } filtered)
        {
            return ([], false);
        }
        var page = await filtered
            .OrderBy(d => d.ChangedAt).ThenBy(d => d.Id).Take(limit + 1)
            .Select(d => new { d.Id, d.ChangedAt }).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, page.Take(limit).Select(p => (p.Id, p.ChangedAt)).ToList(), viewer, cancellationToken);
        return (rows, page.Count > limit);
    }

    /// <summary>The rows of a page, in its order; a document the viewer may not see now has no row (it was removed).</summary>
    private static async Task<IReadOnlyList<ListedApiDocument>> RowsAsync(PortalDbContext db, IReadOnlyList<(int Id, DateTimeOffset ChangedAt)> page, Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = page.Select(p => p.Id).ToList();
        var rows = await db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(viewer)).Where(d => ids.Contains(d.Id))
            .Select(DocumentRow.Projection).ToDictionaryAsync(r => r.Id, cancellationToken);
        return page.Select(p => new ListedApiDocument(p.Id, p.ChangedAt, rows.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>
    /// The documents the filter allows, through the same document filters as search (<see cref="SearchScope.Filter"/>),
    /// with the session and agenda item named by their ids; null when the filter names a session or agenda item the
    /// portal does not have (so nothing matches).
    /// </summary>
    private static async Task<IQueryable<Document>?> FilteredAsync(PortalDbContext db, IQueryable<Document> documents, ApiDocumentFilter filter, CancellationToken cancellationToken)
    {
        int? sessionId = null;
        int? agendaItemId = null;
        if (filter.Session is { } session
            && (sessionId = await db.Sessions.Where(s => s.Organ == session.Organ && s.Number == session.Number).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return null;
        }
        if (filter.AgendaItem is { } item
            && (agendaItemId = await db.AgendaItems.Where(a => a.Number == item.Number && a.Session.Organ == item.Organ && a.Session.Number == item.Session)
                .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return null;
        }
        var scope = new SearchScope(SessionId: sessionId, AgendaItemId: agendaItemId, Organ: filter.Organ, Kind: filter.Kind, Sender: filter.Sender,
            From: filter.From, To: filter.To, Distribution: filter.Distribution);
        documents = scope.Filter(db, documents);
        // A document held in a language: unlike search's Language (the language of the matching text), a document filter.
        if (filter.Language is { } language)
        {
            documents = documents.Where(d => d.LanguageVersions.Any(v => v.Language == language));
        }
        return documents;
    }

    /// <summary>The id of the visible document that carries any of the symbols, or null.</summary>
    public async Task<int?> ResolveAsync(IReadOnlyList<UnSymbol> symbols, Viewer viewer, CancellationToken cancellationToken)
    {
        var keys = symbols.Select(s => s.Key).ToList();
        await using var db = contextFactory.CreateDbContext();
        return await db.DocumentSymbols.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => s.Document)
            .Where(DocumentAccess.VisibleTo(viewer)).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<DocumentRecord?> GetDocumentAsync(int id, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var document = await db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(viewer))
            .Where(d => d.Id == id)
            .Select(d => new DocumentRecord(
                new DocumentRow(d.Id, d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(), d.IssuedOn, d.DatedOn, d.Kind, d.Distribution, d.CatalogTitle,
                    d.LanguageVersions.Select(v => new VersionTitle(v.Language, v.Title)).ToList(), d.Sender),
                d.Status,
                d.ChangedAt,
                d.OriginalLanguage,
                d.Addressee,
                d.Sessions.OrderBy(s => s.Session.Organ).ThenBy(s => s.Session.Number).Select(s => new SessionRecord(s.Session.Organ, s.Session.Number)).ToList(),
                d.AgendaItems.OrderBy(a => a.Position).Select(a => new AgendaItemRecord(a.AgendaItem.Session.Organ, a.AgendaItem.Session.Number, a.AgendaItem.Number,
                    a.AgendaItem.Titles.OrderBy(t => t.Language == "en" ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? "")).ToList(),
                d.LanguageVersions.Select(v => new VersionRecord(v.Language, v.Title, v.ReleasedOn, v.JobNumber,
                    v.Files.Select(f => new FileRecord(f.Format, f.MediaType, f.Length, f.Sha256, f.GeneratedFrom != null)).ToList())).ToList(),
                new List<ReferenceRecord>(),
                new List<ReferenceRecord>()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var visible = db.Documents.Where(DocumentAccess.VisibleTo(viewer));
        var outgoing = await db.CrossReferences.AsNoTracking().Where(r => r.SourceDocumentId == id).OrderBy(r => r.Id)
            .Select(r => new { r.Relation, r.TargetSymbol, r.TargetKey }).ToListAsync(cancellationToken);
        var targetKeys = outgoing.Select(r => r.TargetKey).Distinct().ToList();
        var held = await db.DocumentSymbols.AsNoTracking().Where(s => targetKeys.Contains(s.Key) && visible.Any(d => d.Id == s.DocumentId))
            .Select(s => new { s.Key, s.DocumentId }).ToDictionaryAsync(s => s.Key, s => s.DocumentId, cancellationToken);

        var ownKeys = document.Row.Symbols.Select(UnSymbol.KeyOf).ToList();
        var incoming = ownKeys.Count == 0 ? [] : await db.CrossReferences.AsNoTracking()
            .Where(r => ownKeys.Contains(r.TargetKey) && r.SourceDocumentId != id && visible.Any(d => d.Id == r.SourceDocumentId))
            .OrderBy(r => r.SourceDocumentId)
            .Select(r => new ReferenceRecord(r.Relation, r.SourceDocument.Symbols.OrderBy(s => s.Position).Select(s => s.Value).FirstOrDefault() ?? "", r.SourceDocumentId))
            .ToListAsync(cancellationToken);
        // Documents that mention it only in their texts refer to it too (TextCitations), each once.
        var mentionedBy = ownKeys.Count == 0 ? [] : await db.TextCitations.AsNoTracking()
            .Where(c => ownKeys.Contains(c.TargetKey) && c.SourceDocumentId != id && visible.Any(d => d.Id == c.SourceDocumentId))
            .Select(c => new ReferenceRecord(ReferenceRelation.RefersTo, c.SourceDocument.Symbols.OrderBy(s => s.Position).Select(s => s.Value).FirstOrDefault() ?? "", c.SourceDocumentId))
            .Distinct()
            .ToListAsync(cancellationToken);
        incoming.AddRange(mentionedBy.Where(m => !incoming.Any(i => i.DocumentId == m.DocumentId)).OrderBy(m => m.DocumentId));

        return document with
        {
            References = outgoing.Select(r => new ReferenceRecord(r.Relation, r.TargetSymbol, held.TryGetValue(r.TargetKey, out var target) ? target : null)).ToList(),
            ReferencedBy = incoming,
        };
    }

    public async Task<IReadOnlyList<SessionRecordWithDates>> ListSessionsAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        return await db.Sessions.AsNoTracking().OrderBy(s => s.Organ).ThenByDescending(s => s.Number)
            .Select(s => new SessionRecordWithDates(s.Organ, s.Number, s.StartsOn, s.EndsOn)).ToListAsync(cancellationToken);
    }

    public async Task<(SessionRecordWithDates Session, IReadOnlyList<NumberedItemTitles> Items)?> GetSessionAsync(Organ organ, int number, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Organ == organ && s.Number == number)
            .Select(s => new { s.Id, Record = new SessionRecordWithDates(s.Organ, s.Number, s.StartsOn, s.EndsOn) }).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == session.Id).OrderBy(a => a.Number)
            .Select(a => new NumberedItemTitles(a.Number, a.Titles.Select(t => new VersionTitle(t.Language, t.Title)).ToList())).ToListAsync(cancellationToken);
        return (session.Record, items);
    }
}

public sealed record SessionRecord(Organ Organ, int Number);

public sealed record SessionRecordWithDates(Organ Organ, int Number, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record AgendaItemRecord(Organ Organ, int Session, int Number, string Title);

public sealed record NumberedItemTitles(int Number, IReadOnlyList<VersionTitle> Titles);

public sealed record FileRecord(FileFormat Format, string MediaType, long Length, string Sha256, bool Generated);

public sealed record VersionRecord(string Language, string Title, DateOnly? ReleasedOn, string? JobNumber, IReadOnlyList<FileRecord> Files);

public sealed record ReferenceRecord(ReferenceRelation Relation, string Symbol, int? DocumentId);

public sealed record DocumentRecord(
    DocumentRow Row,
    PublicationStatus Status,
    DateTimeOffset ChangedAt,
    string? OriginalLanguage,
    string? Addressee,
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<AgendaItemRecord> AgendaItems,
    IReadOnlyList<VersionRecord> Versions,
    IReadOnlyList<ReferenceRecord> References,
    IReadOnlyList<ReferenceRecord> ReferencedBy);
