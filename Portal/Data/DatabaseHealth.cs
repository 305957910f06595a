using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Data;

/// <summary>
/// Red when the database is missing or does not answer a query. Served at <c>/healthz</c> for load
/// balancers and orchestrators.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> contextFactory, DatabaseLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!location.Exists())
        {
            return HealthCheckResult.Unhealthy($"The database is missing: {location}.");
        }
        try
        {
            await using var db = contextFactory.CreateDbContext();
            await db.Sessions.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or DatabaseUnavailableException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>
/// Notices when the database vanishes under the running portal (a deleted SQLite file), logs it as
/// critical once, and drops pooled connections so nothing keeps writing to the deleted file.
/// </summary>
public sealed class DatabaseWatch(DatabaseLocation location, TimeProvider clock, ILogger<DatabaseWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var missing = false;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var exists = location.Exists();
            if (!exists && !missing)
            {
                location.ReleaseConnections();
                logger.LogCritical("The database has disappeared ({Location}). Requests will fail and /healthz is red until it is restored; the portal will not create a new, empty one in its place.", location);
            }
            else if (exists && missing)
            {
                logger.LogWarning("The database is back ({Location}).", location);
            }
            missing = !exists;
        }
    }
}

/// <summary>
/// A request that failed because the database is gone answers 503 with a short message and
/// Retry-After, not the generic error page with a 500.
/// </summary>
public sealed class DatabaseUnavailableHandler(DatabaseLocation location, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || (location.Exists() && !Caused<DatabaseUnavailableException>(exception)))
        {
            return false;
        }
        logger.LogError("Request {Path} failed: the database is missing ({Location})", httpContext.Request.Path, location);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "60";
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync("The document database is unavailable. Please try again in a few minutes.", cancellationToken);
        return true;
    }

    private static bool Caused<T>(Exception exception) where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }
        return false;
    }
}
