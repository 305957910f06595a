using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Features.Feeds;

/// <summary>One entry of a feed: a document, or one language version of it (the "issued today" feed).</summary>
/// <param name="IdPath">
/// The path that, made absolute, is the entry's permanent id: <c>/documents/{id}</c> (or <c>/documents/{id}/{lang}</c>
/// for a language version), which stays the same when a symbol is added later and still opens the document.
/// </param>
/// <param name="Path">The page the entry links to, relative to the portal.</param>
public sealed record FeedEntry(
    string IdPath,
    string Title,
    string Language,
    string Path,
    DateTimeOffset Updated,
    DateTimeOffset? Published,
    string Summary,
    IReadOnlyList<FeedAlternate> Alternates,
    IReadOnlyList<string> Categories);

/// <summary>Another language version of the entry's document.</summary>
public sealed record FeedAlternate(string Language, string Path, string Title);

/// <summary>A feed's own description: what it follows, its address and the page it mirrors.</summary>
public sealed record FeedHeader(string Title, string SelfPath, string PagePath);

/// <summary>The feed URLs. Feeds live under <c>/feeds/</c> beside the pages they follow.</summary>
public static class FeedRoutes
{
    /// <summary>Entries per feed document: a reader polls for what is new; the API serves the whole catalogue.</summary>
    public const int PageSize = 50;

    /// <summary>Older entries are reachable through <c>rel="next"</c> pages up to this one.</summary>
    public const int MaxPage = 20;

    public static string Organ(Organ organ) => $"/feeds/{SessionNames.Slug(organ)}";

    public static string Session(Organ organ, int number) => $"/feeds{SiteUrls.Session(organ, number)}";

    public static string AgendaItem(Organ organ, int session, int item) => $"/feeds{SiteUrls.AgendaItem(organ, session, item)}";

    public static string WithPage(string path, int page) =>
        page <= 1 ? path : path + (path.Contains('?') ? "&" : "?") + $"page={page}";
}
