using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Storage;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Citations;
using Portal.Features.Search;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Api;

/// <summary>
/// The open REST API, <c>/api/v1</c>: documents, sessions, agenda items and search as JSON, under the same
/// visibility rule as the pages, with ETags, CORS for reading from any site and a per-address rate limit.
/// Described by the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var api = app.MapGroup(Prefix)
            .RequireCors(PublicReadCors.Policy)
            .RequireRateLimiting(ClientLimits.ApiPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapMethods("/documents", methods, ListDocumentsAsync).WithName("ListDocuments").WithTags("Documents")
            .WithSummary("Documents in id order, filtered, one page at a time (follow next until it is null); with changedSince, the documents changed since then, in change order.")
            .WithDescription(MirroringHelp)
            .Produces<ApiPage<ApiDocumentSummary>>();
        api.MapMethods("/documents/{id:int}", methods, GetDocumentAsync).WithName("GetDocument").WithTags("Documents")
            .WithSummary("A document with its metadata, language versions, files and references both ways.")
            .Produces<ApiDocument>();
        api.MapMethods("/documents/by-symbol/{**symbol}", methods, GetDocumentBySymbolAsync).WithName("GetDocumentBySymbol").WithTags("Documents")
            .WithSummary("The document that carries a symbol, such as A/75/778 (any case, joint symbols accepted).")
            .Produces<ApiDocument>();
        api.MapMethods("/sessions", methods, ListSessionsAsync).WithName("ListSessions").WithTags("Sessions")
            .WithSummary("Every General Assembly session and Security Council or ECOSOC year, newest first within each organ.")
            .Produces<IReadOnlyList<ApiSession>>();
        api.MapMethods("/sessions/{organ}/{number:int}", methods, GetSessionAsync).WithName("GetSession").WithTags("Sessions")
            .WithSummary("A session with its agenda items.")
            .Produces<ApiSessionDetail>();
        api.MapMethods("/sessions/{organ}/{number:int}/items/{item:int}", methods, GetAgendaItemAsync).WithName("GetAgendaItem").WithTags("Sessions")
            .WithSummary("An agenda item with its titles; its documents are at /api/v1/documents?item=….")
            .Produces<ApiAgendaItem>();
        api.MapMethods("/search", methods, SearchAsync).WithName("Search").WithTags("Search")
            .WithSummary("Full-text search with the filters of the search page, ranked as the page ranks.")
            .Produces<ApiSearchResults>();
        // Anything else under /api answers in the API's own terms, not with the HTML not-found page.
        app.Map("/api/{**rest}", (string? rest) => Problem(StatusCodes.Status404NotFound, "Not found",
                $"/api/{InputEcho.Shorten(rest ?? "")} is not an API address. The API is described at /openapi/v1.json."))
            .ExcludeFromDescription().RequireCors(PublicReadCors.Policy);
        return app;
    }

    private const string MirroringHelp = """
        To mirror the catalogue: walk the list from the first page to the last (follow next) and keep syncedThrough
        from the first page. Later, call /api/v1/documents?changedSince=<that instant> and walk it to the last page:
        items are the documents that changed since (metadata, language versions, files, publication state), in
        change order; removed lists the documents you could see once but no longer may (withdrawn, unpublished,
        no longer distributed to you), which a mirror drops. Keep syncedThrough from the last page for the next call.
        Changes younger than two seconds wait for the next call, so a change committed late is not skipped.
        """;

    private static async Task<IResult> ListDocumentsAsync(HttpContext http, ApiQueries queries,
        string? session, string? item, string? organ, string? kind, string? distr, string? sender, string? lang, string? from, string? to,
        string? changedSince, string? cursor, string? limit)
    {
        var input = new ApiInput();
        var filter = new ApiDocumentFilter(
            input.Session("session", session), input.AgendaItem("item", item), input.Organ("organ", organ),
            input.Enum<DocumentKind>("kind", kind), input.Enum<Distribution>("distr", distr), input.Text("sender", sender),
            input.Language("lang", lang), input.Date("from", from), input.Date("to", to));
        var since = input.Instant("changedSince", changedSince);
        var after = input.Cursor(cursor, changes: since is not null);
        var size = input.Limit(limit, DefaultLimit, MaxLimit);
        if (input.Problem is { } problem)
        {
            return problem;
        }
        var viewer = Viewer.From(http.User);
        var until = SettledChanges.Through(DateTimeOffset.UtcNow);
        var (rows, hasMore) = since is { } changedAfter
            ? await queries.ListChangesAsync(filter, changedAfter, until, after.AfterChange is { } at ? (at, after.AfterId) : null, size, viewer, http.RequestAborted)
            : await queries.ListDocumentsAsync(filter, after.AfterId, size, viewer, http.RequestAborted);
        var next = !hasMore ? null : since is null ? ApiInput.EncodeCursor(rows[^1].Id) : ApiInput.EncodeCursor(rows[^1].ChangedAt, rows[^1].Id);
        var nextUrl = next is null ? null : Absolute(http, QueryWith(http.Request, "cursor", next));
        var items = rows.Where(r => r.Row is not null).Select(r => Summary(http, r.Row!, r.ChangedAt)).ToList();
        var removed = since is null ? null : rows.Where(r => r.Row is null).Select(r => new ApiRemovedDocument(r.Id, r.ChangedAt)).ToList();
        return Json(http, new ApiPage<ApiDocumentSummary>(items, next, nextUrl, removed, until));
    }

    private static async Task<IResult> GetDocumentAsync(int id, HttpContext http, ApiQueries queries)
    {
        var document = await queries.GetDocumentAsync(id, Viewer.From(http.User), http.RequestAborted);
        return document is null
            ? Problem(StatusCodes.Status404NotFound, "Document not found", $"The portal holds no document number {id}.")
            : Json(http, Detail(http, document), document.ChangedAt);
    }

    private static async Task<IResult> GetDocumentBySymbolAsync(string? symbol, HttpContext http, ApiQueries queries)
    {
        if (string.IsNullOrEmpty(symbol))
        {
            return Problem(StatusCodes.Status400BadRequest, "No symbol", $"Give a symbol after {Prefix}/documents/by-symbol/, such as A/75/778.");
        }
        var text = Uri.UnescapeDataString(symbol);
        var symbols = UnSymbol.ParseJoint(text);
        if (symbols.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a symbol", $"“{InputEcho.Shorten(text)}” is not a UN document symbol such as A/75/778.");
        }
        var viewer = Viewer.From(http.User);
        var id = await queries.ResolveAsync(symbols, viewer, http.RequestAborted);
        var document = id is int found ? await queries.GetDocumentAsync(found, viewer, http.RequestAborted) : null;
        return document is null
            ? Problem(StatusCodes.Status404NotFound, "Document not found", $"The portal holds no document with the symbol {UnSymbol.Join(symbols.Select(s => s.Value))}; it may be at {SiteUrls.Undocs(symbols[0].Value)}.")
            : Json(http, Detail(http, document), document.ChangedAt);
    }

    private static async Task<IResult> ListSessionsAsync(HttpContext http, ApiQueries queries)
    {
        var sessions = await queries.ListSessionsAsync(http.RequestAborted);
        return Json(http, sessions.Select(s => new ApiSession(SessionNames.Slug(s.Organ), s.Number, SessionNames.Label(s.Organ, s.Number), s.StartsOn, s.EndsOn,
            Absolute(http, SiteUrls.Session(s.Organ, s.Number)), Absolute(http, SessionHref(s.Organ, s.Number)), Absolute(http, DocumentsOfSession(s.Organ, s.Number)))).ToList());
    }

    private static async Task<IResult> GetSessionAsync(string organ, int number, HttpContext http, ApiQueries queries)
    {
        if (!SessionNames.TryParseSlug(organ, out var parsed))
        {
            return Problem(StatusCodes.Status404NotFound, "Organ not found", $"“{InputEcho.Shorten(organ)}” is not an organ: use ga, sc or ecosoc.");
        }
        if (await queries.GetSessionAsync(parsed, number, http.RequestAborted) is not { } found)
        {
            return Problem(StatusCodes.Status404NotFound, "Session not found", $"The portal has no session {SessionNames.Label(parsed, number)}.");
        }
        var (session, items) = found;
        return Json(http, new ApiSessionDetail(SessionNames.Slug(parsed), number, SessionNames.Label(parsed, number), session.StartsOn, session.EndsOn,
            items.Select(i => AgendaItem(http, parsed, number, i)).ToList(),
            Absolute(http, SiteUrls.Session(parsed, number)), Absolute(http, DocumentsOfSession(parsed, number))));
    }

    private static async Task<IResult> GetAgendaItemAsync(string organ, int number, int item, HttpContext http, ApiQueries queries)
    {
        if (!SessionNames.TryParseSlug(organ, out var parsed))
        {
            return Problem(StatusCodes.Status404NotFound, "Organ not found", $"“{InputEcho.Shorten(organ)}” is not an organ: use ga, sc or ecosoc.");
        }
        var found = (await queries.GetSessionAsync(parsed, number, http.RequestAborted))?.Items.FirstOrDefault(i => i.Number == item);
        return found is null
            ? Problem(StatusCodes.Status404NotFound, "Agenda item not found", $"The portal has no agenda item {item} in the {SessionNames.Label(parsed, number)}.")
            : Json(http, AgendaItem(http, parsed, number, found));
    }

    private static async Task<IResult> SearchAsync(HttpContext http, SearchQueries search,
        string? q, string? session, string? item, string? organ, string? kind, string? sender, string? lang, string? from, string? to, string? distr,
        string? page, string? limit)
    {
        var input = new ApiInput();
        SearchQueryString.Check(input, session, item, organ, kind, sender, lang, from, to, distr);
        var pageNumber = input.Page("page", page);
        var size = input.Limit(limit, 20, 100);
        if (string.IsNullOrWhiteSpace(q))
        {
            input.Add("q", "give the words to search for, or a symbol, as q");
        }
        if (input.Problem is { } problem)
        {
            return problem;
        }
        var filter = SearchQueryString.Parse(q, session, item, organ, kind, sender, lang, from, to, distr, pageNumber);
        var results = await search.SearchAsync(filter, size, Viewer.From(http.User), http.RequestAborted);
        var hits = results.Items.Select(i => new ApiSearchHit(Summary(http, i.Row), i.Language, i.Title, string.Concat(i.Snippet.Select(p => p.Text)),
            Absolute(http, i.Url), i.MatchedIn, i.InCatalogue)).ToList();
        var next = results.Page < results.PageCount ? Absolute(http, QueryWith(http.Request, "page", (results.Page + 1).ToString(CultureInfo.InvariantCulture))) : null;
        // A symbol search answers with the document's API address, as the page opens the document.
        var document = results.RedirectUrl is null ? null : await SymbolHrefAsync(http, filter.Query);
        return Json(http, new ApiSearchResults(filter.Query, results.TotalCount, !results.TotalIsExact && !results.TotalIsEstimate, results.TotalIsEstimate, results.Page, results.PageSize, results.PageCount,
            results.Notices, hits, document, next));
    }

    private static Task<string?> SymbolHrefAsync(HttpContext http, string query)
    {
        var symbols = UnSymbol.ParseJoint(query);
        return Task.FromResult(symbols.Count == 0 ? null : (string?)Absolute(http, $"{Prefix}/documents/by-symbol/{string.Join('/', symbols[0].Value.Split('/').Select(Uri.EscapeDataString))}"));
    }

    private static ApiAgendaItem AgendaItem(HttpContext http, Organ organ, int session, NumberedItemTitles item) => new(
        SessionNames.Slug(organ), session, item.Number,
        (item.Titles.FirstOrDefault(t => t.Language == "en") ?? item.Titles.FirstOrDefault())?.Title ?? "",
        item.Titles.OrderBy(t => UnLanguage.OrderOf(t.Language)).ToDictionary(t => t.Language, t => t.Title),
        Absolute(http, SiteUrls.AgendaItem(organ, session, item.Number)),
        Absolute(http, $"{SessionHref(organ, session)}/items/{item.Number}"),
        Absolute(http, $"{Prefix}/documents?item={SessionNames.Slug(organ)}-{session}-{item.Number}"));

    private static ApiDocumentSummary Summary(HttpContext http, DocumentRow row, DateTimeOffset? changedAt = null)
    {
        var title = TitlePreference.Pick(row.CatalogTitle, row.Versions);
        return new ApiDocumentSummary(row.Id, row.Symbols, Word(row.Kind), Word(row.Distribution), row.IssuedOn, row.DatedOn, row.Sender,
            title.Title, title.Language, row.Languages, Absolute(http, row.Url), Absolute(http, $"{Prefix}/documents/{row.Id}"), changedAt);
    }

    private static ApiDocument Detail(HttpContext http, DocumentRecord document)
    {
        var row = document.Row;
        var title = TitlePreference.Pick(row.CatalogTitle, row.Versions);
        var versions = document.Versions.OrderBy(v => UnLanguage.OrderOf(v.Language)).Select(v => new ApiVersion(
            v.Language, v.Title, v.ReleasedOn, v.JobNumber, Absolute(http, SiteUrls.Document(row.Id, row.Symbols, v.Language)), Files(http, row, v))).ToList();
        ApiReference Reference(ReferenceRecord r) => new(Word(r.Relation), r.Symbol, r.DocumentId,
            r.DocumentId is int held ? Absolute(http, $"{Prefix}/documents/{held}") : null,
            r.DocumentId is int id ? Absolute(http, r.Symbol.Length > 0 ? SiteUrls.Document(id, [r.Symbol]) : $"/documents/{id}") : SiteUrls.Undocs(r.Symbol.Split('\u2013')[0]));
        return new ApiDocument(row.Id, row.Symbols, Word(row.Kind), Word(row.Distribution), Word(document.Status), document.ChangedAt, row.IssuedOn, row.DatedOn,
            document.OriginalLanguage, row.Sender, document.Addressee, title.Title, title.Language,
            document.Sessions.Select(s => new ApiSessionRef(SessionNames.Slug(s.Organ), s.Number, SessionNames.Label(s.Organ, s.Number), Absolute(http, SessionHref(s.Organ, s.Number)))).ToList(),
            document.AgendaItems.Select(a => new ApiAgendaItemRef(SessionNames.Slug(a.Organ), a.Session, a.Number, a.Title, Absolute(http, $"{SessionHref(a.Organ, a.Session)}/items/{a.Number}"))).ToList(),
            versions,
            document.References.Select(Reference).ToList(),
            document.ReferencedBy.Select(Reference).ToList(),
            new ApiCitationLinks(
                Absolute(http, CitationRoutes.Url(row.Id, CitationFormat.BibTex)),
                Absolute(http, CitationRoutes.Url(row.Id, CitationFormat.Ris)),
                Absolute(http, CitationRoutes.Url(row.Id, CitationFormat.CslJson))),
            Absolute(http, row.Url),
            Absolute(http, $"{Prefix}/documents/{row.Id}"));
    }

    /// <summary>The files as issued, with size and hash, then what the download URLs render from the text.</summary>
    private static List<ApiFile> Files(HttpContext http, DocumentRow row, VersionRecord version)
    {
        var files = new List<ApiFile>();
        foreach (var format in new[] { DownloadFormat.Pdf, DownloadFormat.Docx, DownloadFormat.Original, DownloadFormat.Markdown, DownloadFormat.Text })
        {
            var url = Absolute(http, SiteUrls.File(row.Id, row.Symbols, version.Language, format));
            var stored = DownloadFormats.StoredAs(format) is { } kind ? version.Files.FirstOrDefault(f => f.Format == kind) : null;
            if (stored is { Generated: false })
            {
                files.Add(new ApiFile(DownloadFormats.Extension(format), stored.MediaType, stored.Length, stored.Sha256, false, url));
            }
            else if (format == DownloadFormat.Pdf)
            {
                files.Add(new ApiFile("pdf", MediaTypes.Pdf, null, null, true, url));
            }
            else if (format is DownloadFormat.Markdown or DownloadFormat.Text)
            {
                files.Add(new ApiFile(DownloadFormats.Extension(format), format == DownloadFormat.Markdown ? MediaTypes.Markdown : MediaTypes.Text, null, null, true, url));
            }
        }
        return files;
    }

    private static string SessionHref(Organ organ, int number) => $"{Prefix}/sessions/{SessionNames.Slug(organ)}/{number}";

    private static string DocumentsOfSession(Organ organ, int number) => $"{Prefix}/documents?session={SessionNames.Slug(organ)}-{number}";

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Absolute(HttpContext http, string path) => RequestUrls.Absolute(http, path);

    /// <summary>The request's own path and query with one parameter replaced.</summary>
    private static string QueryWith(HttpRequest request, string name, string value)
    {
        var query = request.Query.Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"{name}={Uri.EscapeDataString(value)}");
        return $"{request.Path}?{string.Join('&', query)}";
    }

    /// <summary>JSON with an entity tag over its bytes: 304 when the client's copy is current.</summary>
    private static IResult Json<T>(HttpContext http, T value, DateTimeOffset? lastModified = null)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        if (ConditionalGet.IsNotModified(http, ConditionalGet.TagOf(bytes), lastModified))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    public static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);
}
