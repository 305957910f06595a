using System.Text;
using Portal.Infrastructure;

namespace Portal.Features.Citations;

/// <summary><c>/documents/{id}/cite/bibtex</c> (also <c>ris</c>, <c>csl-json</c>; <c>?lang=fr</c> cites that version's title).</summary>
public static class CitationEndpoints
{
    public static IEndpointRouteBuilder MapCitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/documents/{id:int}/cite/{format}", [HttpMethods.Get, HttpMethods.Head], CiteAsync)
            .RequireCors(PublicReadCors.Policy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CiteAsync(int id, string format, string? lang, HttpContext http, CitationQueries queries)
    {
        if (!CitationRoutes.TryParse(format, out var citationFormat))
        {
            return Results.Problem(detail: $"“{InputEcho.Shorten(format)}” is not a citation format: use bibtex, ris or csl-json.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        var record = await queries.GetAsync(id, lang, Viewer.From(http.User), http.RequestAborted);
        if (record is null)
        {
            return Results.Problem(detail: $"The portal holds no document number {id}.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
        }
        var (content, mediaType, extension) = CitationWriter.Write(record, citationFormat, RequestUrls.Absolute(http, record.PermalinkPath));
        var bytes = Encoding.UTF8.GetBytes(content);
        if (ConditionalGet.IsNotModified(http, ConditionalGet.TagOf(bytes), lastModified: null))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var name = (record.Symbols.Count > 0 ? record.Symbols[0].Replace('/', '_') : $"document-{record.Id}") + "." + extension;
        return Results.File(bytes, mediaType, name);
    }
}
