using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Features.Files;

/// <summary>The problem answers of the file and archive URLs: a readable sentence, never a stack trace.</summary>
public static class FileProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>503 with Retry-After: the files cannot be read or made just now.</summary>
    public static ProblemHttpResult Unavailable(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "120";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable");
    }
}
