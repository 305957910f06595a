using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Features.Search;

/// <summary>Everything a search is made of; every field comes from the query string.</summary>
public sealed record SearchFilter(
    string Query = "",
    SessionKey? Session = null,
    AgendaItemKey? AgendaItem = null,
    Organ? Organ = null,
    DocumentKind? Kind = null,
    string? Sender = null,
    string? Language = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Distribution? Distribution = null,
    int Page = 1)
{
    public bool HasFilters => HasDocumentFilters || Language is not null;

    /// <summary>Filters on the document itself, as opposed to the language of the text.</summary>
    public bool HasDocumentFilters => Session is not null || AgendaItem is not null || Organ is not null || Kind is not null
        || Sender is not null || From is not null || To is not null || Distribution is not null;
}

public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>
/// One found document, shown in the language version that matched best; <paramref name="MatchedIn"/> names the
/// languages whose text matched, <paramref name="InCatalogue"/> says its catalogue record (title, agenda items) did.
/// </summary>
public sealed record SearchResultItem(DocumentRow Row, string Language, string Title, IReadOnlyList<SnippetPart> Snippet, IReadOnlyList<string> MatchedIn,
    bool InCatalogue)
{
    /// <summary>Where the match was, in the interface language: "Match in English, French", "… and in the catalogue record".</summary>
    public string MatchText => MatchedIn.Count == 0 ? InterfaceText.Get("MatchInCatalogue")
        : InterfaceText.Format(InCatalogue ? "MatchInLanguagesAndCatalogue" : "MatchInLanguages",
            string.Join(", ", MatchedIn.Select(l => InterfaceLanguage.NameOf(UnLanguage.FromCode(l)))));

    /// <summary>The version shown; the document itself when it has no version in that language (none at all, found by its catalogue record).</summary>
    public string Url => Row.Versions.Any(v => v.Language == Language) ? SiteUrls.Document(Row.Id, Row.Symbols, Language) : Row.Url;

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);
}

/// <summary>A facet value: its label, how many found documents have it, and the filter that selects it.</summary>
public sealed record FacetValue(string Label, int Count, SearchFilter Filter, bool IsSelected, string? Language = null);

/// <summary>What a facet groups the found documents by.</summary>
public enum FacetKey
{
    Session,
    AgendaItem,
    Organ,
    Kind,
    Sender,
    Language,
    Year,
    Distribution,
}

public sealed record Facet(FacetKey Key, IReadOnlyList<FacetValue> Values)
{
    /// <summary>The facet's heading.</summary>
    public string Name => Key switch
    {
        FacetKey.Session => InterfaceText.Get("FacetSession"),
        FacetKey.AgendaItem => InterfaceText.Get("FacetAgendaItem"),
        FacetKey.Organ => InterfaceText.Get("Organ"),
        FacetKey.Kind => InterfaceText.Get("Kind"),
        FacetKey.Sender => InterfaceText.Get("Sender"),
        FacetKey.Language => InterfaceText.Get("Language"),
        FacetKey.Year => InterfaceText.Get("Year"),
        _ => InterfaceText.Get("Distribution"),
    };
}

public sealed record SearchResults(
    SearchFilter Filter,
    IReadOnlyList<string> Notices,
    int TotalCount,
    int Page,
    int PageSize,
    IReadOnlyList<SearchResultItem> Items,
    IReadOnlyList<Facet> Facets,
    string? RedirectUrl = null,
    string? UnknownSymbol = null,
    bool Blank = false,
    bool Truncated = false,
    bool TotalIsExact = true,
    int? RankedCount = null)
{
    /// <summary>The total is the index's estimate from a sample ("about N"), not an exact count or a lower bound.</summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>Pages over the documents the index returned, which may be fewer than the total it counted.</summary>
    public int PageCount => Paging.PageCount(Math.Min(TotalCount, RankedCount ?? TotalCount), PageSize);
}
