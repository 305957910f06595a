using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Downloads;

/// <summary>
/// The download URLs. A file is <c>/{symbol}/{lang}.{format}</c> (<c>/A/75/778/zh.pdf</c>), or
/// <c>/documents/{id}/{lang}.{format}</c> for a document without a symbol; archives are
/// <c>/sessions/ga/75/items/71/download.zip</c> and <c>/sessions/ga/75/download.zip</c>, with
/// <c>lang</c> and <c>format</c> query parameters (repeated or comma-separated).
/// The symbol route is a constrained catch-all, which routing ranks above the document page's
/// unconstrained <c>/{*Path}</c>, so page permalinks and file URLs share one namespace.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/documents/{id:int}/{language:regex(^[A-Za-z]{{2}}$)}.{format}", methods, ById);
        app.MapMethods("/{**path:regex(^.+/[A-Za-z]{{2}}\\.[A-Za-z]{{2,8}}$)}", methods, BySymbol);
        app.MapMethods("/sessions/{organ}/{session:int}/items/{item:int}/download.zip", methods, AgendaItemArchive);
        app.MapMethods("/sessions/{organ}/{session:int}/download.zip", methods, SessionArchive);
        return app;
    }

    private static Task<IResult> ById(int id, string language, string format, HttpContext http, DownloadQueries downloads, DownloadContents contents, DownloadCounter counter) =>
        ServeAsync(id, language, format, http, downloads, contents, counter);

    private static async Task<IResult> BySymbol(string path, HttpContext http, DocumentQueries documents, DownloadQueries downloads, DownloadContents contents, DownloadCounter counter)
    {
        var slash = path.LastIndexOf('/');
        var file = path[(slash + 1)..];
        var dot = file.IndexOf('.');
        // Route values keep %2F undecoded; decoding here only feeds the symbol parser, which accepts
        // letters, digits, dots and slashes in UN symbol shape and nothing else ("..", NUL and the
        // like fail). Files are read by content hash, never by a name taken from the URL.
        var symbolText = Uri.UnescapeDataString(path[..slash]);
        var symbols = UnSymbol.ParseJoint(symbolText);
        if (symbols.Count == 0)
        {
            return NotFound($"“{Shorten(symbolText)}” is not a UN document symbol. File URLs look like /A/75/778/en.pdf.");
        }
        var id = await documents.ResolveAsync(symbols, DocumentAccess.LevelOf(http.User), http.RequestAborted);
        if (id is null)
        {
            return NotFound($"The portal holds no document with the symbol {UnSymbol.Join(symbols.Select(s => s.Value))}.");
        }
        return await ServeAsync(id.Value, file[..dot], file[(dot + 1)..], http, downloads, contents, counter);
    }

    private static async Task<IResult> ServeAsync(int id, string languageCode, string formatText, HttpContext http, DownloadQueries downloads, DownloadContents contents, DownloadCounter counter)
    {
        if (!UnLanguage.TryParse(languageCode, out var language))
        {
            return NotFound($"“{Shorten(languageCode)}” is not one of the six UN languages (ar, zh, en, fr, ru, es).");
        }
        if (!DownloadFormats.TryParse(formatText, out var format))
        {
            return NotFound($"“{Shorten(formatText)}” is not a download format. Use pdf, docx, original, md or txt.");
        }
        var access = DocumentAccess.LevelOf(http.User);
        var version = await downloads.GetVersionAsync(id, language.Code, access, http.RequestAborted);
        if (version is null)
        {
            return NotFound($"The portal holds no {language.EnglishName} version of this document.");
        }
        try
        {
            var content = await contents.GetAsync(version, format, access, http.RequestAborted);
            if (content is null)
            {
                return NotFound($"The {language.EnglishName} version of this document has no {DownloadFormats.Label(format)} file.");
            }
            var result = await FileResponses.ServeAsync(http, content, http.RequestAborted);
            if (HttpMethods.IsGet(http.Request.Method) && IsFreshDownload(http.Request))
            {
                counter.Record(id, language.Code);
            }
            return result;
        }
        catch (PdfUnavailableException e)
        {
            return Unavailable(http, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            http.RequestServices.GetRequiredService<ILogger<DownloadContents>>().LogError(e, "Could not read or write the files of document {Id} {Language}", id, language.Code);
            return Unavailable(http, "The server could not read or write its files just now (a disk or storage fault). Try again in a few minutes.");
        }
    }

    private static ProblemHttpResult Unavailable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "120";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable");
    }

    // Resumed or conditional requests continue a download already counted.
    private static bool IsFreshDownload(HttpRequest request) =>
        request.Headers.Range.Count == 0 && request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0;

    private static Task<IResult> AgendaItemArchive(string organ, int session, int item, HttpContext http, DownloadQueries downloads, ArchiveWriter writer) =>
        ArchiveAsync(organ, session, item, http, downloads, writer);

    private static Task<IResult> SessionArchive(string organ, int session, HttpContext http, DownloadQueries downloads, ArchiveWriter writer) =>
        ArchiveAsync(organ, session, null, http, downloads, writer);

    private static async Task<IResult> ArchiveAsync(string organSlug, int session, int? item, HttpContext http, DownloadQueries downloads, ArchiveWriter writer)
    {
        if (!SessionNames.TryParseSlug(organSlug, out var organ))
        {
            return NotFound($"“{Shorten(organSlug)}” is not an organ; use ga, sc or ecosoc.");
        }
        if (!TryReadChoices(http.Request.Query["lang"], out var languages, out var badLanguage, l => UnLanguage.TryParse(l, out var parsed) ? parsed.Code : null))
        {
            return TypedResults.Problem($"“{Shorten(badLanguage)}” is not one of the six UN languages (ar, zh, en, fr, ru, es).", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!TryReadChoices(http.Request.Query["format"], out var formatNames, out var badFormat, f => DownloadFormats.TryParse(f, out var parsed) ? DownloadFormats.Extension(parsed) : null))
        {
            return TypedResults.Problem($"“{Shorten(badFormat)}” is not a download format. Use pdf, docx, original, md or txt.", statusCode: StatusCodes.Status400BadRequest);
        }
        var formats = formatNames.Count == 0
            ? [DownloadFormat.Pdf]
            : formatNames.Select(f => DownloadFormats.TryParse(f, out var parsed) ? parsed : DownloadFormat.Pdf).ToList();
        var scope = new ArchiveScope(organ, session, item);
        var access = DocumentAccess.LevelOf(http.User);
        var versions = await downloads.ArchiveAsync(scope, languages, access, http.RequestAborted);
        if (versions is null)
        {
            return NotFound(item is null ? $"The portal has no session {organSlug}/{session}." : $"The portal has no agenda item {item} in session {organSlug}/{session}.");
        }
        return new ZipResult(scope.FileName, stream => writer.WriteAsync(stream, scope.FileName, versions, languages, formats, access, http.RequestAborted));
    }

    /// <summary>Reads repeated or comma-separated choices into their canonical spellings, without duplicates.</summary>
    private static bool TryReadChoices(StringValues values, out List<string> choices, out string bad, Func<string, string?> parse)
    {
        choices = [];
        bad = "";
        foreach (var text in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (parse(text) is not { } value)
            {
                bad = text;
                return false;
            }
            if (!choices.Contains(value))
            {
                choices.Add(value);
            }
        }
        return true;
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static string Shorten(string text)
    {
        var visible = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return visible.Length <= 60 ? visible : visible[..60] + "…";
    }

    /// <summary>Streams the archive; its length is not known in advance, so it goes out chunked.</summary>
    private sealed class ZipResult(string fileName, Func<Stream, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/zip";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.CacheControl = "no-store";
            if (HttpMethods.IsHead(http.Request.Method))
            {
                return;
            }
            await using var body = new ResponsePipeStream(http.Response.BodyWriter);
            await write(body);
        }
    }
}
