namespace Portal.Features.Api;

// The JSON shapes of /api/v1. They are the public contract: add fields, never rename or remove them.
// Enumerations are lower-case strings (kind "noteverbale", distribution "general"), the same words the
// page URLs use; dates are ISO 8601; every link is an absolute URL.

/// <summary>A document in a list; <c>ChangedAt</c> (in document lists, null in search hits) is when anything about it last changed.</summary>
public sealed record ApiDocumentSummary(
    int Id,
    IReadOnlyList<string> Symbols,
    string Kind,
    string Distribution,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? Sender,
    string Title,
    string TitleLanguage,
    IReadOnlyList<string> Languages,
    string Permalink,
    string Href,
    DateTimeOffset? ChangedAt = null);

/// <summary>A document with all its metadata, language versions, files and references both ways.</summary>
public sealed record ApiDocument(
    int Id,
    IReadOnlyList<string> Symbols,
    string Kind,
    string Distribution,
    string Status,
    DateTimeOffset ChangedAt,
    DateOnly? IssuedOn,
    DateOnly? DatedOn,
    string? OriginalLanguage,
    string? Sender,
    string? Addressee,
    string Title,
    string TitleLanguage,
    IReadOnlyList<ApiSessionRef> Sessions,
    IReadOnlyList<ApiAgendaItemRef> AgendaItems,
    IReadOnlyList<ApiVersion> Versions,
    IReadOnlyList<ApiReference> References,
    IReadOnlyList<ApiReference> ReferencedBy,
    ApiCitationLinks Citations,
    string Permalink,
    string Href);

/// <summary>One language version: its title, release date, page and files.</summary>
public sealed record ApiVersion(string Language, string Title, DateOnly? ReleasedOn, string? JobNumber, string Permalink, IReadOnlyList<ApiFile> Files);

/// <summary>
/// A file of a language version, at the portal's own download URL. Files as issued (pdf, docx, original)
/// carry their size and SHA-256; renditions of the text (md, txt, and pdf when none was issued) are made
/// on request and have neither until then.
/// </summary>
public sealed record ApiFile(string Format, string MediaType, long? Size, string? Sha256, bool Generated, string Url);

/// <summary>A citation from or to another document. <c>Href</c> is null when the portal does not hold it (or the caller may not see it).</summary>
public sealed record ApiReference(string Relation, string Symbol, int? DocumentId, string? Href, string Permalink);

public sealed record ApiCitationLinks(string Bibtex, string Ris, string CslJson);

public sealed record ApiSessionRef(string Organ, int Number, string Label, string Href);

public sealed record ApiAgendaItemRef(string Organ, int Session, int Number, string Title, string Href);

/// <summary>A session in the list of sessions.</summary>
public sealed record ApiSession(string Organ, int Number, string Label, DateOnly? StartsOn, DateOnly? EndsOn, string Permalink, string Href, string Documents);

/// <summary>A session with its agenda items.</summary>
public sealed record ApiSessionDetail(string Organ, int Number, string Label, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<ApiAgendaItem> AgendaItems, string Permalink, string Documents);

/// <summary>An agenda item with its titles in each language held; <c>Documents</c> lists its documents.</summary>
public sealed record ApiAgendaItem(string Organ, int Session, int Number, string Title, IReadOnlyDictionary<string, string> Titles, string Permalink, string Href, string Documents);

/// <summary>
/// One page of a list. <c>Next</c> is the URL of the following page (with its cursor), null on the last page.
/// <c>Removed</c> (with <c>changedSince</c> only; null otherwise) lists the documents the caller could see once and no
/// longer may. <c>SyncedThrough</c>: every change up to this instant is in the list; a mirror passes it as
/// <c>changedSince</c> next time (from the first page of a full walk, from the last page of a changes walk).
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor, string? Next, IReadOnlyList<ApiRemovedDocument>? Removed, DateTimeOffset SyncedThrough);

/// <summary>A document the caller no longer sees (withdrawn, unpublished, no longer distributed to it): a mirror drops it. Nothing else about it is said.</summary>
public sealed record ApiRemovedDocument(int Id, DateTimeOffset ChangedAt);

/// <summary>
/// A page of search results, ranked as the search page ranks them. <c>totalCount</c> is exact unless
/// <c>countIsLowerBound</c> (the engine stopped counting) or <c>countIsEstimate</c> (estimated from a sample of
/// the index, within a few per cent); the notices say when the ranking and the facets covered only the newest matches.
/// </summary>
public sealed record ApiSearchResults(
    string Query,
    int TotalCount,
    bool CountIsLowerBound,
    bool CountIsEstimate,
    int Page,
    int PageSize,
    int PageCount,
    IReadOnlyList<string> Notices,
    IReadOnlyList<ApiSearchHit> Items,
    string? Document,
    string? Next);

/// <summary>
/// A found document, in the language version that matched, with a plain-text snippet of the match: <c>matchedIn</c>
/// names the languages whose text matched, <c>matchedCatalogue</c> says the catalogue title or an agenda item's title did
/// (in any language; a document found only so is shown in English, else its original language).
/// </summary>
public sealed record ApiSearchHit(ApiDocumentSummary Document, string Language, string Title, string Snippet, string Permalink,
    IReadOnlyList<string> MatchedIn, bool MatchedCatalogue);
