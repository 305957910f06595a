using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Portal.Data;

/// <summary>
/// Tells the other portal instances on the same PostgreSQL database that this one changed the
/// catalogue: after every save that wrote rows, a <c>NOTIFY</c> on <see cref="Channel"/> carrying this
/// instance's id. Sent on the saving connection, so inside a caller's transaction it is delivered only
/// when that transaction commits.
/// </summary>
public sealed class PostgreSqlCatalogueNotifier : SaveChangesInterceptor
{
    public const string Channel = "portal_catalogue";

    /// <summary>This process's id in notifications, so it ignores its own (it has already advanced).</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context is { } context)
        {
            context.Database.ExecuteSql($"SELECT pg_notify({Channel}, {InstanceId})");
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context is { } context)
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {InstanceId})", cancellationToken);
        }
        return result;
    }
}

/// <summary>
/// Holds one connection that <c>LISTEN</c>s for other instances' catalogue changes and advances
/// <see cref="CatalogueVersion"/> on each, so cached home counts and session menus change at once on
/// every instance. While the connection is down, notifications are lost: on every (re)connection the
/// version advances once, as if something had changed.
/// </summary>
public sealed class PostgreSqlCatalogueListener(
    string connectionString, CatalogueVersion version, PostgreSqlCatalogueNotifier notifier, TimeProvider clock,
    ILogger<PostgreSqlCatalogueListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first <c>LISTEN</c> is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own connection, outside the pool the queries share: it stays open for the process's life.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != notifier.InstanceId)
                    {
                        version.Advance();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlCatalogueNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                version.Advance();
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for other instances' catalogue changes failed; cached counts expire by time only until it reconnects");
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }
}
