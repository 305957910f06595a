using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Feeds;

/// <summary>
/// Atom feeds of an organ (<c>/feeds/ga</c>), a session (<c>/feeds/sessions/ga/75</c>) and an agenda item
/// (<c>/feeds/sessions/ga/75/items/71</c>): the newest documents the viewer may see, 50 to a page.
/// </summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var feeds = app.MapGroup("/feeds").RequireCors(PublicReadCors.Policy).ExcludeFromDescription();
        feeds.MapMethods("/{organ:regex(^(ga|sc|ecosoc)$)}", methods, OrganFeed);
        feeds.MapMethods("/sessions/{organ}/{session:int}", methods, SessionFeed);
        feeds.MapMethods("/sessions/{organ}/{session:int}/items/{item:int}", methods, AgendaItemFeed);
        return app;
    }

    private static async Task<IResult> OrganFeed(string organ, string? page, HttpContext http, FeedQueries feeds)
    {
        SessionNames.TryParseSlug(organ, out var parsed);
        return await FeedAsync(http, feeds, page,
            new FeedHeader($"{SessionNames.OrganName(parsed)}: new documents", FeedRoutes.Organ(parsed), "/sessions"),
            db => db.Documents.Where(d => d.Sessions.Any(s => s.Session.Organ == parsed)));
    }

    private static async Task<IResult> SessionFeed(string organ, int session, string? page, HttpContext http, FeedQueries feeds, IDbContextFactory<PortalDbContext> contexts)
    {
        if (!SessionNames.TryParseSlug(organ, out var parsed))
        {
            return NotFound($"“{InputEcho.Shorten(organ)}” is not an organ: use ga, sc or ecosoc.");
        }
        await using (var db = contexts.CreateDbContext())
        {
            if (!await db.Sessions.AnyAsync(s => s.Organ == parsed && s.Number == session, http.RequestAborted))
            {
                return NotFound($"The portal has no session {SessionNames.Label(parsed, session)}.");
            }
        }
        return await FeedAsync(http, feeds, page,
            new FeedHeader($"{SessionNames.Label(parsed, session)}: new documents", FeedRoutes.Session(parsed, session), SiteUrls.Session(parsed, session)),
            db =>
            {
                // "Id IN (the session's links)": SQLite starts from the link rows (see AgendaItemQueries).
                var inSession = db.DocumentSessions.Where(l => l.Session.Organ == parsed && l.Session.Number == session).Select(l => l.DocumentId);
                return db.Documents.Where(d => inSession.Contains(d.Id));
            });
    }

    private static async Task<IResult> AgendaItemFeed(string organ, int session, int item, string? page, HttpContext http, FeedQueries feeds, IDbContextFactory<PortalDbContext> contexts)
    {
        if (!SessionNames.TryParseSlug(organ, out var parsed))
        {
            return NotFound($"“{InputEcho.Shorten(organ)}” is not an organ: use ga, sc or ecosoc.");
        }
        string? title;
        await using (var db = contexts.CreateDbContext())
        {
            title = await db.AgendaItems.Where(a => a.Session.Organ == parsed && a.Session.Number == session && a.Number == item)
                .Select(a => a.Titles.OrderBy(t => t.Language == "en" ? 0 : 1).Select(t => t.Title).FirstOrDefault() ?? "")
                .FirstOrDefaultAsync(http.RequestAborted);
        }
        if (title is null)
        {
            return NotFound($"The portal has no agenda item {item} in the {SessionNames.Label(parsed, session)}.");
        }
        return await FeedAsync(http, feeds, page,
            new FeedHeader($"{SessionNames.Label(parsed, session)}, item {item}: {title}", FeedRoutes.AgendaItem(parsed, session, item), SiteUrls.AgendaItem(parsed, session, item)),
            db =>
            {
                var inItem = db.DocumentAgendaItems
                    .Where(l => l.AgendaItem.Number == item && l.AgendaItem.Session.Organ == parsed && l.AgendaItem.Session.Number == session)
                    .Select(l => l.DocumentId);
                return db.Documents.Where(d => inItem.Contains(d.Id));
            });
    }

    private static async Task<IResult> FeedAsync(HttpContext http, FeedQueries feeds, string? pageText, FeedHeader header, Func<PortalDbContext, IQueryable<Document>> scope)
    {
        if (!TryReadPage(pageText, out var page, out var problem))
        {
            return problem;
        }
        var (entries, hasMore) = await feeds.DocumentsAsync(scope, page, Viewer.From(http.User), http.RequestAborted);
        return AtomFeedResponse.Create(http, header, entries, page, hasMore);
    }

    /// <summary>The feed page asked for: 1 to <see cref="FeedRoutes.MaxPage"/>, else a 400 that says what is wrong or where older documents are.</summary>
    public static bool TryReadPage(string? text, out int page, out IResult problem)
    {
        page = 1;
        problem = Results.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
        {
            page = 1;
            problem = Results.Problem(detail: $"page: “{InputEcho.Shorten(text)}” is not a page number from 1 to {FeedRoutes.MaxPage}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
            return false;
        }
        if (page > FeedRoutes.MaxPage)
        {
            problem = Results.Problem(
                detail: $"Feeds reach back {FeedRoutes.MaxPage} pages of {FeedRoutes.PageSize} documents; use the API (/api/v1/documents) for older ones.",
                statusCode: StatusCodes.Status400BadRequest, title: "Page out of range");
            return false;
        }
        return true;
    }

    private static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
