namespace Portal.Infrastructure;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>, read in one place: the API's token authentication checks the token,
/// and the API rate limiter counts a request against its token's own budget (<see cref="ApiRateLimitPolicy"/>).
/// </summary>
public static class BearerHeader
{
    private const string Prefix = "Bearer ";

    /// <summary>The token the request carries (the scheme's name in any case, surrounding spaces trimmed), or null.</summary>
    public static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }
}
