using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Catalogue;
using Portal.Domain;
using Portal.Features.Documents;
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
            return NotFound($"“{InputEcho.Shorten(symbolText)}” is not a UN document symbol. File URLs look like /A/75/778/en.pdf.");
        }
        var id = await documents.ResolveAsync(symbols, Viewer.From(http.User), http.RequestAborted);
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
            return NotFound($"“{InputEcho.Shorten(languageCode)}” is not one of the six UN languages (ar, zh, en, fr, ru, es).");
        }
        if (!DownloadFormats.TryParse(formatText, out var format))
        {
            return NotFound($"“{InputEcho.Shorten(formatText)}” is not a download format. Use pdf, docx, original, md or txt.");
        }
        var viewer = Viewer.From(http.User);
        var version = await downloads.GetVersionAsync(id, language.Code, viewer, http.RequestAborted);
        if (version is null)
        {
            return NotFound($"The portal holds no {language.EnglishName} version of this document.");
        }
        try
        {
            var content = await contents.GetAsync(version, format, viewer, http.RequestAborted);
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
            return NotFound($"“{InputEcho.Shorten(organSlug)}” is not an organ; use ga, sc or ecosoc.");
        }
        if (!TryReadChoices(http.Request.Query["lang"], out var languages, out var badLanguage, l => UnLanguage.TryParse(l, out var parsed) ? parsed.Code : null))
        {
            return TypedResults.Problem($"“{InputEcho.Shorten(badLanguage)}” is not one of the six UN languages (ar, zh, en, fr, ru, es).", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!TryReadChoices(http.Request.Query["format"], out var formatNames, out var badFormat, f => DownloadFormats.TryParse(f, out var parsed) ? DownloadFormats.Extension(parsed) : null))
        {
            return TypedResults.Problem($"“{InputEcho.Shorten(badFormat)}” is not a download format. Use pdf, docx, original, md or txt.", statusCode: StatusCodes.Status400BadRequest);
        }
        var formats = formatNames.Count == 0
            ? [DownloadFormat.Pdf]
            : formatNames.Select(f => DownloadFormats.TryParse(f, out var parsed) ? parsed : DownloadFormat.Pdf).ToList();
        var scope = new ArchiveScope(organ, session, item);
        var viewer = Viewer.From(http.User);
        var versions = await downloads.ArchiveAsync(scope, languages, viewer, http.RequestAborted);
        if (versions is null)
        {
            return NotFound(item is null ? $"The portal has no session {organSlug}/{session}." : $"The portal has no agenda item {item} in session {organSlug}/{session}.");
        }
        try
        {
            var plan = await writer.PlanAsync(scope.FileName, versions, languages, formats, viewer, http.RequestAborted);
            var length = await writer.MeasureAsync(plan, http.RequestAborted);
            return new ZipResult(plan, length, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            http.RequestServices.GetRequiredService<ILogger<ArchiveWriter>>().LogError(e, "Could not prepare archive {Archive}", scope.FileName);
            return Unavailable(http, "The server could not read its files just now (a disk or storage fault). Try again in a few minutes.");
        }
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

    /// <summary>
    /// Streams the planned archive with its exact length and a strong ETag. The bytes are the same
    /// for the same plan, so a Range request (with If-Range naming that ETag) is answered by
    /// making the archive again and sending only the bytes asked for. A failure once the response
    /// has started aborts the connection: the reader sees a broken download, never a short ZIP.
    /// </summary>
    private sealed class ZipResult(ArchivePlan plan, long length, ArchiveWriter writer) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var request = http.Request;
            var response = http.Response;
            var etag = EntityTagHeaderValue.Parse(plan.ETag);
            response.Headers.ETag = plan.ETag;
            response.Headers.AcceptRanges = "bytes";
            // Private: an archive follows the reader's access; no-cache: revalidate with the ETag.
            response.Headers.CacheControl = "private, no-cache";
            if (FileResponses.PreconditionFails(request, etag, lastModified: null))
            {
                await TypedResults.Problem("The archive has changed since the version your request names (If-Match); download it again from the start.",
                    statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed").ExecuteAsync(http);
                return;
            }
            if (EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var noneMatch)
                && noneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            var (start, end) = (0L, length - 1);
            if (request.Headers.Range.Count > 0 && IfRangeHolds(request, etag))
            {
                if (request.Headers.Range.Count > 1 || !RangeHeaderValue.TryParse(request.Headers.Range[0], out var range)
                    || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
                    || FileResponses.Normalize(range, length) is not { Count: > 0 } parts)
                {
                    response.Headers.ContentRange = $"bytes */{length}";
                    await TypedResults.Problem("The Range header is malformed or asks for bytes outside the archive.",
                        statusCode: StatusCodes.Status416RangeNotSatisfiable).ExecuteAsync(http);
                    return;
                }
                // Several ranges of an archive made on the fly are not worth it: send one span covering them.
                (start, end) = (parts[0].Start, parts[^1].End);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = $"bytes {start}-{end}/{length}";
            }
            response.ContentType = "application/zip";
            response.Headers.ContentDisposition = AttachmentHeader.ContentDisposition(plan.Name, asciiFileName: null);
            response.ContentLength = end - start + 1;
            if (HttpMethods.IsHead(request.Method))
            {
                return;
            }
            var body = new ResponsePipeStream(response.BodyWriter);
            try
            {
                await writer.WriteAsync(start == 0 && end == length - 1 ? body : new RangeWindowStream(body, start, end), plan, http.RequestAborted);
                await body.DisposeAsync();
            }
            catch (RangeCompleteException)
            {
                await body.DisposeAsync();
            }
            catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
            {
                // Headers, and perhaps most of the archive, are out: only a broken connection tells
                // the reader that this download failed (Content-Length is not reached either).
                http.RequestServices.GetRequiredService<ILogger<ArchiveWriter>>().LogError(e, "Archive {Archive} aborted", plan.Name);
                http.Abort();
            }
        }

        private static bool IfRangeHolds(HttpRequest request, EntityTagHeaderValue etag)
        {
            var ifRange = request.Headers.IfRange;
            // A date cannot prove the archive unchanged (it has no Last-Modified): send it whole.
            return ifRange.Count == 0
                || RangeConditionHeaderValue.TryParse(ifRange.ToString(), out var condition)
                && condition.EntityTag is { IsWeak: false } tag && tag.Compare(etag, useStrongComparison: true);
        }
    }

    /// <summary>Passes on only bytes [start, end] of what is written to it; past the end it stops the writer.</summary>
    private sealed class RangeWindowStream(Stream inner, long start, long end) : WriteOnlyStream
    {
        private long _position;
        private bool _done;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var (from, to) = Window(buffer.Length);
            if (to > from)
            {
                inner.Write(buffer[from..to]);
            }
            Advance(buffer.Length);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var (from, to) = Window(buffer.Length);
            if (to > from)
            {
                await inner.WriteAsync(buffer[from..to], cancellationToken);
            }
            Advance(buffer.Length);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => _done ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        private (int From, int To) Window(int count) =>
            _done ? (0, 0) : ((int)Math.Clamp(start - _position, 0, count), (int)Math.Clamp(end + 1 - _position, 0, count));

        private void Advance(int count)
        {
            _position += count;
            if (!_done && _position > end)
            {
                // Everything asked for is written; making the rest of the archive would be wasted work.
                _done = true;
                throw new RangeCompleteException();
            }
        }
    }
}
