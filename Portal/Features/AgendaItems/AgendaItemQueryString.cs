using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.AgendaItems;

/// <summary>
/// The agenda-item table's state lives in the URL (<c>?kind=letter&amp;lang=fr&amp;sort=symbol&amp;dir=asc&amp;page=2</c>)
/// so every view can be bookmarked, shared and reached with the back button. Unknown values fall
/// back to the defaults instead of failing.
/// </summary>
public static class AgendaItemQueryString
{
    public static AgendaItemFilter Parse(string? kind, string? language, string? sort, string? direction, int? page, int pageSize, string? subItem = null)
    {
        DocumentKind? parsedKind = Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null;
        var parsedLanguage = UnLanguage.TryParse(language, out var l) ? l.Code : null;
        var parsedSort = Enum.TryParse<DocumentSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(sort, out _) ? s : DocumentSort.Date;
        var descending = direction?.ToLowerInvariant() switch
        {
            "asc" => false,
            "desc" => true,
            _ => parsedSort == DocumentSort.Date,
        };
        return new AgendaItemFilter(parsedKind, parsedLanguage, parsedSort, descending, Math.Max(1, page ?? 1), pageSize,
            AgendaSubItem.TryParseLetter(subItem, out var letter) ? letter : null);
    }

    /// <summary>The query string for a filter, without defaults, so URLs stay short and canonical.</summary>
    public static string Format(AgendaItemFilter filter) => Query(filter).ToString();

    public static string Url(string basePath, AgendaItemFilter filter) => Query(filter).AppendTo(basePath);

    private static UrlQuery Query(AgendaItemFilter filter) => new UrlQuery()
        .Add("sub", filter.SubItem)
        .Add("kind", filter.Kind?.ToString().ToLowerInvariant())
        .Add("lang", filter.Language)
        .Add("sort", filter.Sort != DocumentSort.Date ? filter.Sort.ToString().ToLowerInvariant() : null)
        .Add("dir", filter.Descending != (filter.Sort == DocumentSort.Date) ? (filter.Descending ? "desc" : "asc") : null)
        .Add("page", filter.Page > 1 ? filter.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
}
