using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Catalogue;
using Portal.Domain;
using Portal.Features.Files;
using Portal.Infrastructure;

namespace Portal.Features.Archives;

/// <summary>
/// "Download all": <c>/sessions/ga/75/items/71/download.zip</c> and <c>/sessions/ga/75/download.zip</c>,
/// with <c>lang</c> and <c>format</c> query parameters (repeated or comma-separated).
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/sessions/{organ}/{session:int}/items/{item:int}/download.zip", methods, AgendaItemArchive);
        app.MapMethods("/sessions/{organ}/{session:int}/download.zip", methods, SessionArchive);
        return app;
    }

    private static Task<IResult> AgendaItemArchive(string organ, int session, int item, HttpContext http, ArchiveQueries archives, ArchiveWriter writer) =>
        ArchiveAsync(organ, session, item, http, archives, writer);

    private static Task<IResult> SessionArchive(string organ, int session, HttpContext http, ArchiveQueries archives, ArchiveWriter writer) =>
        ArchiveAsync(organ, session, null, http, archives, writer);

    private static async Task<IResult> ArchiveAsync(string organSlug, int session, int? item, HttpContext http, ArchiveQueries archives, ArchiveWriter writer)
    {
        if (!SessionNames.TryParseSlug(organSlug, out var organ))
        {
            return FileProblems.NotFound($"“{InputEcho.Shorten(organSlug)}” is not an organ; use ga, sc or ecosoc.");
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
        var versions = await archives.VersionsAsync(scope, languages, viewer, http.RequestAborted);
        if (versions is null)
        {
            return FileProblems.NotFound(item is null ? $"The portal has no session {organSlug}/{session}." : $"The portal has no agenda item {item} in session {organSlug}/{session}.");
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
            return FileProblems.Unavailable(http, "The server could not read its files just now (a disk or storage fault). Try again in a few minutes.");
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
