namespace Portal.Infrastructure;

/// <summary>
/// The CORS policy of what any site may read from a browser: feeds, citations, sitemaps' neighbours and the
/// open API. Nothing they answer depends on cookies, so credentials are not allowed.
/// </summary>
public static class PublicReadCors
{
    public const string Policy = "public-read";

    public static IServiceCollection AddPublicReadCors(this IServiceCollection services) =>
        services.AddCors(o => o.AddPolicy(Policy, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Last-Modified", "Retry-After", "Link")));
}
