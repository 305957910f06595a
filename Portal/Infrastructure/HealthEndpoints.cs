using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Data.Search;
using Portal.Storage;

namespace Portal.Infrastructure;

/// <summary>
/// Health for probes and orchestrators. <c>/health/live</c>: the process answers (no dependency is checked, so a
/// slow database never gets a live portal restarted). <c>/health/ready</c>: the database, the file store and the
/// search index all work; anything less (a damaged index included) is 503, so no traffic is routed here.
/// <c>/healthz</c> stays as it was: database and search index, a damaged index 200 "Degraded".
/// </summary>
public static class HealthEndpoints
{
    private const string Healthz = "healthz";
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Healthz, Ready])
            .AddCheck<SearchIndexHealthCheck>("search-index", tags: [Healthz, Ready])
            .AddCheck<FileStoreHealthCheck>("file-store", tags: [Ready]);
        return services;
    }

    /// <summary>Probes that orchestrators send every few seconds: not worth a trace each.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/health");

    public static void MapPortalHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Healthz) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        ready.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        app.MapHealthChecks("/health/ready", ready);
    }
}
