namespace Portal.Infrastructure;

/// <summary>
/// Absolute URLs outside components (feeds, sitemaps, the API, citations): the same rule as
/// <see cref="PublicUrls"/>, <c>Portal:PublicBaseUrl</c> when set, else the request's scheme and host.
/// </summary>
public static class RequestUrls
{
    public static string Absolute(HttpContext http, string path)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        var request = http.Request;
        return PublicUrls.Absolute(options.PublicBaseUrl, $"{request.Scheme}://{request.Host}{request.PathBase}/", path);
    }
}
