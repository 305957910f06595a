using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.AgendaItems;

/// <summary>
/// The agenda-item table's state lives in the URL (<c>?kind=letter&amp;lang=fr&amp;sort=symbol&amp;dir=asc&amp;page=2</c>)
/// so every view can be bookmarked, shared and reached with the back button. A value that cannot be read
/// falls back to its default, and the page answers 400 saying which (<see cref="QueryInput"/>).
/// </summary>
public static class AgendaItemQueryString
{
    /// <summary>The table's state; a value that cannot be read is the default and is reported to <paramref name="input"/>.</summary>
    public static AgendaItemFilter Parse(string? kind, string? language, string? sort, string? direction, string? page, int pageSize, string? subItem, QueryInput input)
    {
        var parsedSort = input.Enum<DocumentSort>("sort", sort) ?? DocumentSort.Date;
        var descending = input.OneOf("dir", direction, "asc", "desc") switch
        {
            "asc" => false,
            "desc" => true,
            _ => parsedSort == DocumentSort.Date,
        };
        return new AgendaItemFilter(input.Enum<DocumentKind>("kind", kind), input.Language("lang", language), parsedSort, descending,
            input.Page("page", page), pageSize, input.SubItem("sub", subItem));
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
