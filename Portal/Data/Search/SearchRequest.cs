using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Data.Search;

/// <summary>
/// What a search may return besides matching the terms: filters on the document and on the language of
/// the text. Sessions and agenda items are named by their database ids, which every engine can index.
/// </summary>
public sealed record SearchScope(
    int? SessionId = null,
    int? AgendaItemId = null,
    Organ? Organ = null,
    DocumentKind? Kind = null,
    string? Sender = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Distribution? Distribution = null,
    int? DocumentId = null)
{
    public static SearchScope Everything { get; } = new();

    /// <summary>Filters on the document itself, as opposed to the language of the text.</summary>
    public bool HasDocumentFilters => SessionId is not null || AgendaItemId is not null || Organ is not null || Kind is not null
        || Sender is not null || From is not null || To is not null || Distribution is not null || DocumentId is not null;

    /// <summary>
    /// The documents among <paramref name="documents"/> that the document filters allow (the text's language is the
    /// index's business). An agenda item or session is taken from its link table's index ("Id IN (...)" lets SQLite
    /// seek by primary key) rather than tested per document. The API's document lists filter through this too.
    /// </summary>
    public IQueryable<Document> Filter(PortalDbContext db, IQueryable<Document> documents)
    {
        if (DocumentId is { } id)
        {
            documents = documents.Where(d => d.Id == id);
        }
        if (AgendaItemId is { } item)
        {
            var ids = db.DocumentAgendaItems.Where(l => l.AgendaItemId == item).Select(l => l.DocumentId);
            documents = documents.Where(d => ids.Contains(d.Id));
        }
        if (SessionId is { } session)
        {
            var ids = db.DocumentSessions.Where(l => l.SessionId == session).Select(l => l.DocumentId);
            documents = documents.Where(d => ids.Contains(d.Id));
        }
        if (Organ is { } organ)
        {
            documents = documents.Where(d => d.Sessions.Any(s => s.Session.Organ == organ));
        }
        if (Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }
        if (Sender is { } sender)
        {
            documents = documents.Where(d => d.Sender == sender);
        }
        if (From is { } from)
        {
            documents = documents.Where(d => d.ListedOn >= from);
        }
        if (To is { } to)
        {
            documents = documents.Where(d => d.ListedOn <= to);
        }
        if (Distribution is { } distribution)
        {
            documents = documents.Where(d => d.Distribution == distribution);
        }
        return documents;
    }
}

/// <summary>One search as an index receives it: the parsed terms, the filters, who is asking, and a bound.</summary>
/// <param name="Terms">Every term a hit must contain (<c>SearchInput.Parse</c> makes them).</param>
/// <param name="Limit">The most matching language versions the index reads; past it the hits are <see cref="SearchHits.Truncated"/>.</param>
public sealed record SearchRequest(IReadOnlyList<SearchTerm> Terms, SearchScope Scope, Viewer Viewer, int Limit)
{
    /// <summary>
    /// The documents this search may return: those the viewer may see (<see cref="DocumentAccess.VisibleTo"/>,
    /// the portal's one access rule) and the document filters allow (<see cref="SearchScope.Filter"/>).
    /// </summary>
    public IQueryable<Document> AllowedDocuments(PortalDbContext db) =>
        Scope.Filter(db, db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(Viewer)));
}

/// <summary>
/// A document found, and a rank (higher is better, comparable within one answer). The language version it is shown in
/// is read for the hits a page shows only (<see cref="ISearchIndex.ReadShownTextsAsync"/>), not for every hit.
/// </summary>
/// <param name="ShownRow">
/// The engine's own key of its best-matching text (SQLite's index row, PostgreSQL's version id), read back only by the
/// engine that made the hit; null when only the catalogue record matched, and <see cref="CatalogueMatches"/> picks the version.
/// </param>
public sealed record SearchHit(int DocumentId, double Rank, long? ShownRow)
{
    /// <summary>The languages whose text holds the terms, in the UN's order.</summary>
    public IReadOnlyList<string> MatchedIn { get; init; } = [];

    /// <summary>
    /// The catalogue record holds the terms: the catalogue title or the title of an agenda item, in any language. A
    /// document found only so (<see cref="MatchedIn"/> empty) is shown in the version <see cref="CatalogueMatches"/> picks.
    /// </summary>
    public bool InCatalogue { get; init; }
}

/// <summary>
/// An index's answer. <paramref name="Hits"/> are best first (rank, then the newest document: the highest id), one per document,
/// every one allowed by <see cref="SearchRequest.AllowedDocuments"/>.
/// </summary>
/// <param name="Truncated">The index stopped at the request's limit: more documents match than the hits hold.</param>
/// <param name="Total">
/// How many documents match. An engine may still be counting when the hits are ready (SQLite counts the matches
/// beyond those read on a connection of its own), so that the caller reads its page meanwhile; a caller awaits it.
/// </param>
public sealed record SearchHits(IReadOnlyList<SearchHit> Hits, bool Truncated, Task<SearchTotal> Total)
{
    public static SearchHits None { get; } = Complete([]);

    /// <summary>Hits in order, all of them: nothing was cut, so the total is their count.</summary>
    public static SearchHits Complete(IReadOnlyList<SearchHit> hits) => new(hits, false, Task.FromResult(SearchTotal.Exact(hits.Count)));
}

/// <summary>How many documents a search matches: exact, an estimate from a sample of the index (within a few per cent), or neither: a lower bound.</summary>
public sealed record SearchTotal(int Count, bool IsExact, bool IsEstimate = false)
{
    public static SearchTotal Exact(int count) => new(count, true);
}
