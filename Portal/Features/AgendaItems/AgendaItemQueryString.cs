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
    public static AgendaItemFilter Parse(string? kind, string? language, string? sort, string? direction, int? page, int pageSize)
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
        return new AgendaItemFilter(parsedKind, parsedLanguage, parsedSort, descending, Math.Max(1, page ?? 1), pageSize);
    }

    /// <summary>The query string for a filter, without defaults, so URLs stay short and canonical.</summary>
    public static string Format(AgendaItemFilter filter)
    {
        var parts = new List<string>();
        if (filter.Kind is { } kind)
        {
            parts.Add($"kind={kind.ToString().ToLowerInvariant()}");
        }
        if (filter.Language is { } language)
        {
            parts.Add($"lang={language}");
        }
        if (filter.Sort != DocumentSort.Date)
        {
            parts.Add($"sort={filter.Sort.ToString().ToLowerInvariant()}");
        }
        if (filter.Descending != (filter.Sort == DocumentSort.Date))
        {
            parts.Add($"dir={(filter.Descending ? "desc" : "asc")}");
        }
        if (filter.Page > 1)
        {
            parts.Add($"page={filter.Page}");
        }
        return string.Join('&', parts);
    }

    public static string Url(string basePath, AgendaItemFilter filter)
    {
        var query = Format(filter);
        return query.Length == 0 ? basePath : $"{basePath}?{query}";
    }
}
