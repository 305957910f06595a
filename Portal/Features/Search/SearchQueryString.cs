using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Data.Entities;
using Portal.Catalogue;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Search;

/// <summary>
/// The search URL, <c>/search?q=landmines&amp;session=ga-75&amp;item=ga-75-132&amp;organ=ga&amp;kind=letter&amp;sender=Armenia&amp;lang=zh&amp;from=2021-01-01&amp;to=2021-12-31&amp;distr=general&amp;page=2</c>.
/// The page reads it strictly (<see cref="QueryInput"/>: a value it cannot read is a 400 that says so); a saved
/// search (an alert target) is read leniently, a value that cannot be read left out.
/// </summary>
public static class SearchQueryString
{
    public const string Path = SiteUrls.SearchPath;

    /// <summary>The filters, with every value that cannot be read left out and reported to <paramref name="input"/>.</summary>
    public static SearchFilter Parse(string? q, string? session, string? item, string? organ, string? kind, string? sender,
        string? language, string? from, string? to, string? distribution, string? page, QueryInput input) => new(
            Query: q ?? "",
            Session: input.Session("session", session),
            AgendaItem: input.AgendaItem("item", item),
            Organ: input.Organ("organ", organ),
            Kind: input.Enum<DocumentKind>("kind", kind),
            Sender: input.Text("sender", sender, MaxSenderLength),
            Language: input.Language("lang", language),
            From: input.Date("from", from),
            To: input.Date("to", to),
            Distribution: input.Enum<Distribution>("distr", distribution),
            Page: input.Page("page", page));

    /// <summary>The filters, with every value that cannot be read left out; the page number as already read.</summary>
    public static SearchFilter Parse(string? q, string? session, string? item, string? organ, string? kind, string? sender,
        string? language, string? from, string? to, string? distribution, int? page) =>
        Parse(q, session, item, organ, kind, sender, language, from, to, distribution, null, new QueryInput()) with { Page = Math.Clamp(page ?? 1, 1, QueryValues.MaxPage) };

    /// <summary>
    /// The filters checked as programs get them (the API's search, the search feed): each value that cannot be read is a
    /// problem in <paramref name="input"/>, and the caller answers 400 rather than a list it did not filter.
    /// </summary>
    public static void Check(ApiInput input, string? session, string? item, string? organ, string? kind, string? sender,
        string? language, string? from, string? to, string? distribution)
    {
        input.Session("session", session);
        input.AgendaItem("item", item);
        input.Organ("organ", organ);
        input.Enum<DocumentKind>("kind", kind);
        input.Enum<Distribution>("distr", distribution);
        input.Language("lang", language);
        input.Date("from", from);
        input.Date("to", to);
        input.Text("sender", sender);
    }

    /// <summary>The longest sender name a search takes, as the API.</summary>
    public const int MaxSenderLength = 200;

    /// <summary>The filters of a query string as <see cref="Url"/> writes it, with or without its leading <c>?</c>.</summary>
    public static SearchFilter Parse(string queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString.TrimStart('?'));
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return Parse(Value("q"), Value("session"), Value("item"), Value("organ"), Value("kind"), Value("sender"), Value("lang"), Value("from"), Value("to"),
            Value("distr"), Value("page"), new QueryInput());
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
}
