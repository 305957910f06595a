using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Data;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>A database too busy to answer in time gives a 503 with Retry-After and a sentence, never the 500 error page.</summary>
public sealed class DatabaseBusyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class PostgreSqlPortal : PortalAppFactory
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task APageWaitingOnALockPastPostgreSqlsStatementTimeoutAnswers503AndTheNextRequestWorks()
    {
        PostgreSqlTestServer.Require();
        await using var portal = new PostgreSqlPortal();
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/778", Cancel)).StatusCode);
        var connectionString = portal.PostgreSqlConnectionString!;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await SetStatementTimeoutAsync(connectionString, $"ALTER DATABASE \"{database}\" SET statement_timeout = '1s'");

        await using (var locker = new NpgsqlConnection(connectionString))
        {
            await locker.OpenAsync(Cancel);
            await using var transaction = await locker.BeginTransactionAsync(Cancel);
            await using (var command = new NpgsqlCommand("LOCK TABLE \"DocumentSymbols\" IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await command.ExecuteNonQueryAsync(Cancel);
            }

            using var busy = await client.GetAsync("/A/75/778", Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("5", busy.Headers.RetryAfter?.ToString());
            Assert.Equal("The document database is busy. Please try again in a few seconds.", await busy.Content.ReadAsStringAsync(Cancel));
        }

        await SetStatementTimeoutAsync(connectionString, $"ALTER DATABASE \"{database}\" RESET statement_timeout");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/778", Cancel)).StatusCode);
    }

    [Fact]
    public async Task SqliteBusyOrLockedIsA503ButAnyOtherSqliteErrorIsLeftToTheErrorPage()
    {
        var handler = new DatabaseUnavailableHandler(new UncheckedDatabase("test"), NullLogger<DatabaseUnavailableHandler>.Instance);

        foreach (var (code, busy) in new[] { (5, true), (6, true), (261, true), (19, false), (1, false) })
        {
            var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
            var exception = new InvalidOperationException("wrapped", new SqliteException("SQLite error", code));

            Assert.Equal(busy, await handler.TryHandleAsync(context, exception, Cancel));
            Assert.Equal(busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK, context.Response.StatusCode);
        }
    }

    [Fact]
    public async Task NpgsqlsOwnTimeoutsAreA503()
    {
        var handler = new DatabaseUnavailableHandler(new UncheckedDatabase("test"), NullLogger<DatabaseUnavailableHandler>.Instance);
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        Assert.True(await handler.TryHandleAsync(context, new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), Cancel));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new TimeoutException("an e-mail server did not answer"), Cancel));
    }

    /// <summary>Changes the database's setting, then drops the pooled connections of that connection string (the portal's) so the next ones open with it.</summary>
    private static async Task SetStatementTimeoutAsync(string connectionString, string sql)
    {
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(Cancel);
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync(Cancel);
        }
        using var pooled = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pooled);
    }
}
