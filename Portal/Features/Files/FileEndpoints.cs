using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Catalogue;
using Portal.Features.Rendering;
using Portal.Infrastructure;

namespace Portal.Features.Files;

/// <summary>
/// The URLs of single files: <c>/{symbol}/{lang}.{format}</c> (<c>/A/75/778/zh.pdf</c>), or
/// <c>/documents/{id}/{lang}.{format}</c> for a document without a symbol.
/// The symbol route is a constrained catch-all, which routing ranks above the document page's
/// unconstrained <c>/{*Path}</c>, so page permalinks and file URLs share one namespace.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/documents/{id:int}/{language:regex(^[A-Za-z]{{2}}$)}.{format}", methods, ById);
        app.MapMethods("/{**path:regex(^.+/[A-Za-z]{{2}}\\.[A-Za-z]{{2,8}}$)}", methods, BySymbol);
        return app;
    }

    private static Task<IResult> ById(int id, string language, string format, HttpContext http, FileQueries downloads, DownloadContents contents, DownloadCounter counter) =>
        ServeAsync(id, language, format, http, downloads, contents, counter);

    private static async Task<IResult> BySymbol(string path, HttpContext http, DocumentQueries documents, FileQueries downloads, DownloadContents contents, DownloadCounter counter)
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
            return FileProblems.NotFound($"“{InputEcho.Shorten(symbolText)}” is not a UN document symbol. File URLs look like /A/75/778/en.pdf.");
        }
        var id = await documents.ResolveAsync(symbols, Viewer.From(http.User), http.RequestAborted);
        if (id is null)
        {
            return FileProblems.NotFound($"The portal holds no document with the symbol {UnSymbol.Join(symbols.Select(s => s.Value))}.");
        }
        return await ServeAsync(id.Value, file[..dot], file[(dot + 1)..], http, downloads, contents, counter);
    }

    private static async Task<IResult> ServeAsync(int id, string languageCode, string formatText, HttpContext http, FileQueries downloads, DownloadContents contents, DownloadCounter counter)
    {
        Telemetry.TagDocument(id);
        if (!UnLanguage.TryParse(languageCode, out var language))
        {
            return FileProblems.NotFound($"“{InputEcho.Shorten(languageCode)}” is not one of the six UN languages (ar, zh, en, fr, ru, es).");
        }
        if (!DownloadFormats.TryParse(formatText, out var format))
        {
            return FileProblems.NotFound($"“{InputEcho.Shorten(formatText)}” is not a download format. Use pdf, docx, original, md or txt.");
        }
        var viewer = Viewer.From(http.User);
        var version = await downloads.GetVersionAsync(id, language.Code, viewer, http.RequestAborted);
        if (version is null)
        {
            return FileProblems.NotFound($"The portal holds no {language.EnglishName} version of this document.");
        }
        try
        {
            var content = await contents.GetAsync(version, format, viewer, http.RequestAborted);
            if (content is null)
            {
                return FileProblems.NotFound($"The {language.EnglishName} version of this document has no {DownloadFormats.Label(format)} file.");
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
            return FileProblems.Unavailable(http, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            http.RequestServices.GetRequiredService<ILogger<DownloadContents>>().LogError(e, "Could not read or write the files of document {Id} {Language}", id, language.Code);
            return FileProblems.Unavailable(http, "The server could not read or write its files just now (a disk or storage fault). Try again in a few minutes.");
        }
    }

    // Resumed or conditional requests continue a download already counted.
    private static bool IsFreshDownload(HttpRequest request) =>
        request.Headers.Range.Count == 0 && request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0;
}
