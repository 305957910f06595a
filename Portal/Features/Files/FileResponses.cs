using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using Portal.Features.Downloads;

namespace Portal.Features.Files;

/// <summary>
/// Sends a download with Content-Disposition, ETag, Last-Modified, conditional GETs and ranges.
/// ASP.NET Core's file results do all of that for a single range; they answer a request for
/// several ranges with the whole file, so only that case is handled here, as multipart/byteranges
/// (RFC 9110 §14.6). A Range header that does not parse gets 416 rather than being ignored.
/// </summary>
public static class FileResponses
{
    /// <summary>More ranges than this in one request are answered with the whole file.</summary>
    public const int MaxRanges = 32;

    /// <summary>Sends <paramref name="content"/>, as an attachment or, when <paramref name="inline"/>, to be shown in the browser.</summary>
    public static async Task<IResult> ServeAsync(HttpContext http, DownloadContent content, CancellationToken cancellationToken, bool inline = false)
    {
        var etag = new EntityTagHeaderValue($"\"{content.Sha256}\"");
        var lastModified = TruncateToSeconds(content.LastModified);
        var request = http.Request;
        if (PreconditionFails(request, etag, lastModified))
        {
            // Answered here rather than by the stream result: that one sets 412 without a body,
            // which the status-code pages would then turn into the HTML "page not found".
            http.Response.Headers.ETag = etag.ToString();
            return TypedResults.Problem("The file has changed since the version your request names (If-Match or If-Unmodified-Since); download it again from the start.",
                statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed");
        }
        var rangeHeader = request.Headers.Range;
        if (rangeHeader.Count > 0)
        {
            if (rangeHeader.Count > 1 || !RangeHeaderValue.TryParse(rangeHeader[0], out var range)
                || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count == 0)
            {
                return RangeNotSatisfiable(http, content.Length);
            }
            if (range.Ranges.Count > 1 && !HasConditions(request) && IfRangeHolds(request, etag, lastModified))
            {
                var parts = Normalize(range, content.Length);
                if (parts.Count == 0)
                {
                    return RangeNotSatisfiable(http, content.Length);
                }
                if (parts.Count <= MaxRanges)
                {
                    var stream = await content.OpenAsync(cancellationToken);
                    return stream is null ? Missing() : new MultipartRangeResult(stream, content, parts, etag, lastModified, inline);
                }
            }
        }
        var body = await content.OpenAsync(cancellationToken);
        if (body is null)
        {
            return Missing();
        }
        http.Response.Headers.ContentDisposition = AttachmentHeader.ContentDisposition(content.FileName, content.AsciiFileName, inline);
        return TypedResults.Stream(body, content.MediaType, fileDownloadName: null, lastModified, etag, enableRangeProcessing: true);
    }

    /// <summary>If-Match, or failing that If-Unmodified-Since, does not hold (RFC 9110 §13.2.2, steps 1 and 2).</summary>
    public static bool PreconditionFails(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags))
            {
                return true;
            }
            return !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Compare(etag, useStrongComparison: true)));
        }
        var ifUnmodifiedSince = request.Headers.IfUnmodifiedSince;
        return ifUnmodifiedSince.Count > 0 && HeaderUtilities.TryParseDate(ifUnmodifiedSince.ToString(), out var date)
            && (lastModified is not { } modified || modified > date);
    }

    private static IResult Missing() =>
        TypedResults.Problem("The file is registered but its content is missing from the store.", statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult RangeNotSatisfiable(HttpContext http, long length)
    {
        http.Response.Headers.ContentRange = $"bytes */{length}";
        return TypedResults.Problem("The Range header is malformed or asks for bytes outside the file.", statusCode: StatusCodes.Status416RangeNotSatisfiable);
    }

    // Conditional requests with several ranges are rare; the framework's handling of them
    // (304, 412, else the whole file) is correct, so they are left to it.
    private static bool HasConditions(HttpRequest request) =>
        request.Headers.IfMatch.Count > 0 || request.Headers.IfNoneMatch.Count > 0
        || request.Headers.IfModifiedSince.Count > 0 || request.Headers.IfUnmodifiedSince.Count > 0;

    private static bool IfRangeHolds(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifRange = request.Headers.IfRange;
        if (ifRange.Count == 0)
        {
            return true;
        }
        if (!RangeConditionHeaderValue.TryParse(ifRange.ToString(), out var condition))
        {
            return false;
        }
        return condition.EntityTag is { } tag
            ? !tag.IsWeak && tag.Compare(etag, useStrongComparison: true)
            : condition.LastModified is { } date && date >= lastModified;
    }

    /// <summary>Satisfiable ranges as [start, end] pairs, sorted, with overlapping and adjacent ones merged.</summary>
    public static List<(long Start, long End)> Normalize(RangeHeaderValue range, long length)
    {
        var parts = new List<(long Start, long End)>();
        foreach (var item in range.Ranges)
        {
            long start, end;
            if (item.From is long from)
            {
                if (from >= length)
                {
                    continue;
                }
                start = from;
                end = item.To is long to ? Math.Min(to, length - 1) : length - 1;
            }
            else if (item.To is long suffix && suffix > 0 && length > 0)
            {
                start = Math.Max(0, length - suffix);
                end = length - 1;
            }
            else
            {
                continue;
            }
            parts.Add((start, end));
        }
        parts.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var part in parts)
        {
            if (merged.Count > 0 && part.Start <= merged[^1].End + 1)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, part.End));
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, value.Offset);

    /// <summary>206 with one part per range (or a plain single-part 206 when merging left one range).</summary>
    private sealed class MultipartRangeResult(Stream stream, DownloadContent content, List<(long Start, long End)> parts, EntityTagHeaderValue etag, DateTimeOffset lastModified, bool inline) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            await using var _ = stream;
            var response = http.Response;
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.ETag = etag.ToString();
            response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
            response.Headers.ContentDisposition = AttachmentHeader.ContentDisposition(content.FileName, content.AsciiFileName, inline);
            var isHead = HttpMethods.IsHead(http.Request.Method);

            if (parts.Count == 1)
            {
                var (start, end) = parts[0];
                response.ContentType = content.MediaType;
                response.Headers.ContentRange = $"bytes {start}-{end}/{content.Length}";
                response.ContentLength = end - start + 1;
                if (!isHead)
                {
                    await CopyRangeAsync(stream, response.Body, start, end, http.RequestAborted);
                }
                return;
            }

            var boundary = Guid.NewGuid().ToString("N");
            var headers = parts.Select(p => Encoding.ASCII.GetBytes(
                $"\r\n--{boundary}\r\nContent-Type: {content.MediaType}\r\nContent-Range: bytes {p.Start}-{p.End}/{content.Length}\r\n\r\n")).ToList();
            var closing = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
            response.ContentType = $"multipart/byteranges; boundary={boundary}";
            response.ContentLength = headers.Sum(h => (long)h.Length) + parts.Sum(p => p.End - p.Start + 1) + closing.Length;
            if (isHead)
            {
                return;
            }
            for (var i = 0; i < parts.Count; i++)
            {
                await response.Body.WriteAsync(headers[i], http.RequestAborted);
                await CopyRangeAsync(stream, response.Body, parts[i].Start, parts[i].End, http.RequestAborted);
            }
            await response.Body.WriteAsync(closing, http.RequestAborted);
        }

        private static async Task CopyRangeAsync(Stream source, Stream destination, long start, long end, CancellationToken cancellationToken)
        {
            source.Seek(start, SeekOrigin.Begin);
            var remaining = end - start + 1;
            var buffer = new byte[(int)Math.Min(64 * 1024, remaining)];
            while (remaining > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException(string.Create(CultureInfo.InvariantCulture, $"The stored file ended {remaining} bytes early."));
                }
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                remaining -= read;
            }
        }
    }
}
