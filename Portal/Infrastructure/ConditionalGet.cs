using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Portal.Infrastructure;

/// <summary>
/// Conditional GET for generated answers (feeds, API responses, sitemaps): the entity tag is a hash of
/// the exact bytes that would be sent, so it changes exactly when the answer does, and a client that
/// already holds them gets 304 with no body.
/// </summary>
public static class ConditionalGet
{
    public static EntityTagHeaderValue TagOf(ReadOnlySpan<byte> content) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");

    /// <summary>
    /// Sets <c>ETag</c> (and <c>Last-Modified</c> when known) on the response and says whether the request's
    /// <c>If-None-Match</c> (or, without it, <c>If-Modified-Since</c>) shows the client holds this version.
    /// </summary>
    public static bool IsNotModified(HttpContext http, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        var response = http.Response.GetTypedHeaders();
        response.ETag = tag;
        // HTTP dates have whole seconds; a sub-second value would never compare equal on the way back.
        var modified = lastModified is { } value ? DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds()) : (DateTimeOffset?)null;
        if (modified is not null)
        {
            response.LastModified = modified;
        }
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
        }
        return modified is not null && request.IfModifiedSince is { } since && modified <= since;
    }
}
