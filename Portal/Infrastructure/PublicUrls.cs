using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure;

/// <summary>
/// Absolute URLs for canonical links and permalinks. <c>Portal:PublicBaseUrl</c> when it is set;
/// otherwise the request's own scheme and host, which is only as trustworthy as <c>AllowedHosts</c>
/// makes the Host header: set the base URL in production (README, Configuration).
/// </summary>
public sealed class PublicUrls(IOptions<PortalOptions> options, NavigationManager navigation)
{
    public string Absolute(string path) => Absolute(options.Value.PublicBaseUrl, navigation.BaseUri, path);

    public static string Absolute(string? publicBaseUrl, string requestBaseUri, string path)
    {
        var root = string.IsNullOrWhiteSpace(publicBaseUrl) ? requestBaseUri : publicBaseUrl;
        return root.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
