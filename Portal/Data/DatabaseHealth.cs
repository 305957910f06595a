using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

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
/// A request that failed because the database is gone, or too busy to answer in time (a lock held past SQLite's busy
/// timeout, a PostgreSQL statement or pool timeout), answers 503 with a short message and Retry-After, not the
/// generic error page with a 500: both pass, and a client should come back rather than report a fault.
/// </summary>
public sealed class DatabaseUnavailableHandler(DatabaseLocation location, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        if (DatabaseErrors.Chain(exception).Any(IsBusy))
        {
            logger.LogWarning(exception, "Request {Path} failed: the database did not answer in time", httpContext.Request.Path);
            await AnswerAsync(httpContext, "5", "The document database is busy. Please try again in a few seconds.", cancellationToken);
            return true;
        }
        if (location.Exists() && !DatabaseErrors.Chain(exception).Any(e => e is DatabaseUnavailableException))
        {
            return false;
        }
        logger.LogError("Request {Path} failed: the database is missing ({Location})", httpContext.Request.Path, location);
        await AnswerAsync(httpContext, "60", "The document database is unavailable. Please try again in a few minutes.", cancellationToken);
        return true;
    }

    /// <summary>
    /// SQLite's BUSY and LOCKED (primary codes 5 and 6, whatever the extended code); PostgreSQL's statement timeout
    /// (57014), too many connections (53300) and a server not yet accepting them (57P03); Npgsql's own command and
    /// connection-pool timeouts, which it reports as a <see cref="TimeoutException"/> inside its exception.
    /// </summary>
    private static bool IsBusy(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xff) is 5 or 6,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException { InnerException: TimeoutException } => true,
        _ => false,
    };

    private static async Task AnswerAsync(HttpContext httpContext, string retryAfterSeconds, string message, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds;
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync(message, cancellationToken);
    }
}

/// <summary>What a database exception means, whichever provider threw it.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A write the database refused for a foreign key: PostgreSQL's 23503; SQLite's SQLITE_CONSTRAINT_FOREIGNKEY (787), which
    /// it reports only as SQLITE_CONSTRAINT (19) with its own message when extended codes are off.
    /// </summary>
    public static bool IsForeignKeyViolation(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787
            || sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    });

    /// <summary>
    /// A write the database refused for a unique index: PostgreSQL's 23505; SQLite's SQLITE_CONSTRAINT_UNIQUE (2067), or
    /// SQLITE_CONSTRAINT (19) with its own message when extended codes are off.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067
            || sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    });

    internal static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
