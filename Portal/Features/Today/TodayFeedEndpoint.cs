using System.Globalization;
using Portal.Catalogue;
using Portal.Domain;
using Portal.Features.Feeds;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Today;

/// <summary>
/// <c>/feeds/today?organ=ga&amp;lang=fr</c>: the newest released language versions, one entry each, to
/// subscribe to; with <c>date=2021-03-30</c>, that day's releases only.
/// </summary>
public static class TodayFeedEndpoint
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IEndpointRouteBuilder MapTodayFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods(TodayQueryString.FeedPath, [HttpMethods.Get, HttpMethods.Head], FeedAsync)
            .RequireCors(PublicReadCors.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(string? date, string? organ, string? lang, HttpContext http, TodayQueries queries, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Checked as the API checks it (English problem+json), then read as the page reads it.
        var input = new ApiInput();
        input.Date("date", date, TodayQueryString.MinDate, TodayQueryString.MaxDate);
        input.Organ("organ", organ);
        input.Language("lang", lang);
        if (input.Problem is { } problem)
        {
            return problem;
        }
        var filter = TodayQueryString.Parse(date, organ, lang, today, new QueryInput());
        var thatDay = !string.IsNullOrWhiteSpace(date);
        var versions = await queries.ListReleasedAsync(filter, thatDay ? filter.Date : null, FeedRoutes.PageSize, Viewer.From(http.User), http.RequestAborted);
        var entries = versions.Select(Entry).ToList();
        var scope = (filter.Organ is { } o ? SessionNames.OrganName(o) : "UN") + " documents"
            + (filter.Language is { } l ? $" in {UnLanguage.FromCode(l).EnglishName}" : "");
        var title = thatDay ? $"{scope} released on {filter.Date.ToString("d MMMM yyyy", English)}" : $"{scope}: newest releases";
        var page = thatDay ? TodayQueryString.Url(filter) : TodayQueryString.Path;
        return AtomFeedResponse.Create(http, new FeedHeader(title, TodayQueryString.FeedUrl(filter, thatDay), page), entries, 1, hasMore: false);
    }

    private static FeedEntry Entry(ReleasedVersion version)
    {
        var language = UnLanguage.TryParse(version.Language, out var info) ? info.EnglishName : version.Language;
        var name = version.Row.SymbolText.Length > 0 ? $"{version.Row.SymbolText} ({language})" : $"{version.Row.Name} ({language})";
        var released = new DateTimeOffset(version.ReleasedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new FeedEntry(
            $"/documents/{version.Row.Id}/{version.Language}",
            $"{name}: {version.Title}",
            version.Language,
            version.Url,
            version.UpdatedAt > released ? version.UpdatedAt : released,
            released,
            FeedQueries.Describe(version.Row),
            [],
            [DocumentKindNames.Singular(version.Row.Kind)]);
    }
}
