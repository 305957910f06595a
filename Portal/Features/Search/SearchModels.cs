using Portal.Infrastructure;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Features.Sessions;

namespace Portal.Features.Search;

/// <summary>A session or an agenda item as it appears in the URL: <c>ga-75</c>, <c>ga-75-132</c>.</summary>
public sealed record SessionKey(Organ Organ, int Number)
{
    public override string ToString() => $"{SessionNames.Slug(Organ)}-{Number}";

    public string Label => SessionNames.Label(Organ, Number);
}

public sealed record AgendaItemKey(Organ Organ, int Session, int Number)
{
    public override string ToString() => $"{SessionNames.Slug(Organ)}-{Session}-{Number}";
}

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

/// <summary>One found document, shown in the language version that matched best.</summary>
public sealed record SearchResultItem(DocumentRow Row, string Language, string Title, IReadOnlyList<SnippetPart> Snippet)
{
    public string Url => DocumentRoutes.Url(Row.Id, Row.Symbols, Language);

    public UnLanguage LanguageInfo => UnLanguage.FromCode(Language);
}

/// <summary>A facet value: its label, how many found documents have it, and the filter that selects it.</summary>
public sealed record FacetValue(string Label, int Count, SearchFilter Filter, bool IsSelected, string? Language = null);

public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

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
    /// <summary>Pages over the documents the index returned, which may be fewer than the total it counted.</summary>
    public int PageCount => Paging.PageCount(Math.Min(TotalCount, RankedCount ?? TotalCount), PageSize);
}
