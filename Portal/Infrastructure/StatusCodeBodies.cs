using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Infrastructure;

/// <summary>
/// A short problem (problem+json, or plain text for a client that takes no JSON) for the 4xx answers that would
/// otherwise have an empty body: the 405 routing gives a method an address does not answer, a static file's 416
/// (its Content-Range header kept), which the not-found page answered before. A 404 is left to that page
/// (<c>UseStatusCodePagesWithReExecute</c>, placed outside this); answers with a body of their own (the API's
/// problems, pages, files) and 2xx/3xx (304 included) are never touched. Kestrel's own 400, 414 and 431 are sent while it parses the request, before any middleware
/// runs, and keep their empty body.
/// </summary>
public static class StatusCodeBodies
{
    public static IApplicationBuilder UseStatusCodeBodies(this IApplicationBuilder app) => app.UseStatusCodePages(WriteAsync);

    private static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status is < 400 or > 499 or StatusCodes.Status404NotFound)
        {
            return;
        }
        var title = ReasonPhrases.GetReasonPhrase(status);
        var allow = http.Response.Headers.Allow.ToString();
        var detail = status switch
        {
            StatusCodes.Status405MethodNotAllowed when allow.Length > 0 => $"This address does not answer {InputEcho.Shorten(http.Request.Method, 20)}; it answers {allow}.",
            StatusCodes.Status416RangeNotSatisfiable => "The Range header asks for bytes outside the file.",
            _ => $"The request was refused: {status} {title}.",
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem }))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(detail, http.RequestAborted);
        }
    }
}
