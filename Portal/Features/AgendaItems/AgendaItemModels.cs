using Portal.Catalogue;
using Portal.Data.Entities;

namespace Portal.Features.AgendaItems;

public enum DocumentSort
{
    Date,
    Symbol,
    Title,
    Kind,
}

/// <summary>What the agenda-item table shows; every field comes from the query string.</summary>
public sealed record AgendaItemFilter(
    DocumentKind? Kind = null,
    string? Language = null,
    DocumentSort Sort = DocumentSort.Date,
    bool Descending = true,
    int Page = 1,
    int PageSize = 25,
    string? SubItem = null);

public sealed record AgendaItemDetail(
    Organ Organ,
    int Session,
    int Number,
    string Title,
    IReadOnlyList<VersionTitle> Titles,
    PagedResult<DocumentRow> Documents,
    IReadOnlyList<string> SubItems)
{
    /// <summary>"Item 79" or, filtered to a sub-item, "79 (a)".</summary>
    public string Label(AgendaItemFilter filter) => filter.SubItem is { } letter ? $"{Number} ({letter})" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string SessionLabel => SessionNames.Label(Organ, Session);
    public string SessionUrl => SiteUrls.Session(Organ, Session);
    public string Url => SiteUrls.AgendaItem(Organ, Session, Number);
}
