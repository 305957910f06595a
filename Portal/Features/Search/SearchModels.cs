using System.Globalization;
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

/// <summary>
/// A facet value: its label, how many found documents have it, and the filter that selects it.
/// <paramref name="Language"/> marks a label wholly in another language than the interface's; <see cref="Part"/> a part of one.
/// </summary>
public sealed record FacetValue(string Label, int Count, SearchFilter Filter, bool IsSelected, string? Language = null)
{
    /// <summary>The label split around a part in another language (an agenda item's title held only in English); null when it has none.</summary>
    public LabelPart? Part { get; init; }
}

/// <summary>A label in the interface's language around a title in another: the text before it, the title, the text after.</summary>
public sealed record LabelPart(string Before, VersionTitle Title, string After)
{
    /// <summary>
    /// <paramref name="format"/> filled with <paramref name="values"/> and then the title as its last placeholder; the
    /// parts when the title is not in <paramref name="interfaceLanguage"/>, so that it can be marked with its own language.
    /// </summary>
    public static (string Text, LabelPart? Part) Format(string format, VersionTitle title, string interfaceLanguage, params object[] values)
    {
        const string Marker = "\u0001";
        var text = string.Format(CultureInfo.CurrentCulture, format, [.. values, Marker]);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        var part = title.Language == interfaceLanguage || at < 0 ? null : new LabelPart(text[..at], title, text[(at + Marker.Length)..]);
        return (text.Replace(Marker, title.Title, StringComparison.Ordinal), part);
    }
}

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
