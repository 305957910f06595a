using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Data.Entities;
using Portal.Catalogue;
using Portal.Domain;

namespace Portal.Features.Search;

/// <summary>
/// The search URL, <c>/search?q=landmines&amp;session=ga-75&amp;item=ga-75-132&amp;organ=ga&amp;kind=letter&amp;sender=Armenia&amp;lang=zh&amp;from=2021-01-01&amp;to=2021-12-31&amp;distr=general&amp;page=2</c>.
/// Unknown or malformed values are ignored rather than failing, so an old or hand-edited link still opens.
/// </summary>
public static class SearchQueryString
{
    public const string Path = SiteUrls.SearchPath;

    public static SearchFilter Parse(string? q, string? session, string? item, string? organ, string? kind, string? sender,
        string? language, string? from, string? to, string? distribution, int? page) => new(
            Query: q ?? "",
            Session: ParseSession(session),
            AgendaItem: ParseItem(item),
            Organ: SessionNames.TryParseSlug(organ, out var o) ? o : null,
            Kind: ParseEnum<DocumentKind>(kind),
            Sender: string.IsNullOrWhiteSpace(sender) || sender.Length > 200 ? null : sender.Trim(),
            Language: UnLanguage.TryParse(language, out var l) ? l.Code : null,
            From: ParseDate(from),
            To: ParseDate(to),
            Distribution: ParseEnum<Distribution>(distribution),
            Page: Math.Clamp(page ?? 1, 1, 10_000));

    /// <summary>The filters of a query string as <see cref="Url"/> writes it, with or without its leading <c>?</c>.</summary>
    public static SearchFilter Parse(string queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString.TrimStart('?'));
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return Parse(Value("q"), Value("session"), Value("item"), Value("organ"), Value("kind"), Value("sender"), Value("lang"), Value("from"), Value("to"),
            Value("distr"), int.TryParse(Value("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : null);
    }

    public static string Url(SearchFilter filter) => new UrlQuery()
        .Add("q", filter.Query)
        .Add("session", filter.Session?.ToString())
        .Add("item", filter.AgendaItem?.ToString())
        .Add("organ", filter.Organ is { } organ ? SessionNames.Slug(organ) : null)
        .Add("kind", filter.Kind?.ToString().ToLowerInvariant())
        .Add("sender", filter.Sender)
        .Add("lang", filter.Language)
        .Add("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Add("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .Add("distr", filter.Distribution?.ToString().ToLowerInvariant())
        .Add("page", filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null)
        .AppendTo(Path);

    private static SessionKey? ParseSession(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var slug, var number] && SessionNames.TryParseSlug(slug, out var organ) && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new SessionKey(organ, n)
            : null;
    }

    private static AgendaItemKey? ParseItem(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var slug, var session, var number] && SessionNames.TryParseSlug(slug, out var organ)
            && int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new AgendaItemKey(organ, s, n)
            : null;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static T? ParseEnum<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrEmpty(text) && !char.IsDigit(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}
