using Portal.Features.Files;
using Portal.Infrastructure;

namespace Portal.Features.Ingestion;

/// <summary>
/// <c>/manage/ingest/files/{id}/source.pdf</c>: the uploaded PDF itself, inline, for the review screen to show
/// beside the text the reader got. Only to those who may review the file; to anyone else, and for a file that
/// does not exist or is not a PDF, the same 404.
/// </summary>
public static class IngestionSourceEndpoint
{
    public static string Url(int id) => $"/manage/ingest/files/{id}/source.pdf";

    public static IEndpointRouteBuilder MapIngestionSourceEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/manage/ingest/files/{id:int}/source.pdf", [HttpMethods.Get, HttpMethods.Head], ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(int id, HttpContext http, IngestionCommands batches)
    {
        var content = await batches.GetSourcePdfAsync(Viewer.From(http.User), id, http.RequestAborted);
        if (content is null)
        {
            return FileProblems.NotFound("There is no uploaded PDF at this address.");
        }
        RequestHardening.AllowFramingBySelf(http);
        return await FileResponses.ServeAsync(http, content, http.RequestAborted, inline: true);
    }
}
