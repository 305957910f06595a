using System.Globalization;
using Portal.Catalogue;
using Portal.Domain;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Today;

/// <summary>
/// <c>/today?date=2021-03-30&amp;organ=ga&amp;lang=fr</c>. A missing date is today (UTC); a value that cannot
/// be read is reported by <see cref="Parse"/>, and the page answers 400 showing today's releases under the others.
/// </summary>
public static class TodayQueryString
{
    public const string Path = "/today";
    public const string FeedPath = "/feeds/today";

    /// <summary>The earliest and latest dates the page accepts: well outside any UN document, inside what the database stores.</summary>
    public static readonly DateOnly MinDate = new(1945, 1, 1);
    public static readonly DateOnly MaxDate = new(2999, 12, 31);

    /// <summary>The filters; a value that cannot be read (a date outside <see cref="MinDate"/>–<see cref="MaxDate"/> included) is left out and reported to <paramref name="input"/>.</summary>
    public static TodayFilter Parse(string? date, string? organ, string? language, DateOnly today, QueryInput input) =>
        new(input.Date("date", date, MinDate, MaxDate) ?? today, input.Organ("organ", organ), input.Language("lang", language));

    public static string Url(TodayFilter filter) => Path + Query(filter, withDate: true);

    /// <summary>The Atom feed of the releases under the same filters: of that day only, or the newest whatever their day (to subscribe to).</summary>
    public static string FeedUrl(TodayFilter filter, bool thatDayOnly) => FeedPath + Query(filter, thatDayOnly);

    private static string Query(TodayFilter filter, bool withDate)
    {
        var parts = new List<string>();
        if (withDate)
        {
            parts.Add("date=" + filter.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (filter.Organ is { } organ)
        {
            parts.Add("organ=" + SessionNames.Slug(organ));
        }
        if (filter.Language is { } language)
        {
            parts.Add("lang=" + language);
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
