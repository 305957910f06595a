using Portal.Data.Entities;
using Portal.Features.Feeds;
using Portal.Infrastructure;

namespace Portal.Features.Search;

/// <summary>
/// A saved search as a feed: <c>/feeds/search?q=landmines&amp;lang=fr</c> takes the same parameters as
/// <c>/search</c> and lists the page of results that search shows, through the same search service.
/// </summary>
public static class SearchFeedEndpoint
{
    public const string Path = "/feeds/search";

    /// <summary>The feed of the search a search URL describes.</summary>
    public static string Url(SearchFilter filter) => Path + SearchQueryString.Url(filter with { Page = 1 })[SearchQueryString.Path.Length..];

    public static IEndpointRouteBuilder MapSearchFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], FeedAsync)
            .RequireCors(PublicReadCors.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(string? q, string? session, string? item, string? organ, string? kind, string? sender,
        string? lang, string? from, string? to, string? distr, string? page, HttpContext http, SearchQueries search, FeedQueries feeds)
    {
        if (!FeedEndpoints.TryReadPage(page, out var pageNumber, out var problem))
        {
            return problem;
        }
        // The filters are checked as the API checks them: a feed that quietly dropped one would be followed for years.
        var input = new ApiInput();
        SearchQueryString.Check(input, session, item, organ, kind, sender, lang, from, to, distr);
        if (input.Problem is { } bad)
        {
            return bad;
        }
        var filter = SearchQueryString.Parse(q, session, item, organ, kind, sender, lang, from, to, distr, pageNumber);
        if (string.IsNullOrWhiteSpace(filter.Query))
        {
            return Results.Problem(detail: "A search feed needs words to search for, such as /feeds/search?q=landmines.", statusCode: StatusCodes.Status400BadRequest, title: "No search words");
        }
        var viewer = Viewer.From(http.User);
        var results = await search.SearchAsync(filter, FeedRoutes.PageSize, viewer, http.RequestAborted);
        if (results.RedirectUrl is not null)
        {
            return Results.Problem(detail: $"“{InputEcho.Shorten(filter.Query)}” is a document symbol: it opens that document ({results.RedirectUrl}) rather than a list to follow.", statusCode: StatusCodes.Status400BadRequest, title: "A symbol, not a search");
        }
        var entries = await feeds.EntriesAsync(results.Items.Select(i => i.Row.Id).ToList(), viewer, http.RequestAborted);
        var header = new FeedHeader($"Search: {InputEcho.Shorten(filter.Query)}", Url(filter), SearchQueryString.Url(filter with { Page = 1 }));
        return AtomFeedResponse.Create(http, header, entries, results.Page, results.Page < results.PageCount);
    }
}
