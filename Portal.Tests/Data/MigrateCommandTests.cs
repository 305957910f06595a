using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Data.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// `dotnet Portal.dll migrate` on the real program: it migrates a new SQLite file and an empty PostgreSQL
/// database, says so when there is nothing left to do, and fails with one sentence when the database is out of
/// reach. Production leaves migrations to it, and refuses to start on a database that needs one.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-migrate-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_dataPath, "portal.db");

    public MigrateCommandTests() => Directory.CreateDirectory(_dataPath);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task MigrateCreatesAndMigratesANewSqliteFileThenFindsItCurrent()
    {
        var first = await MigrateAsync(SqliteSettings());

        Assert.Equal(0, first.ExitCode);
        await using var db = SqliteContext();
        var all = db.Database.GetMigrations().ToList();
        foreach (var migration in all)
        {
            Assert.Contains(migration, first.Output);
        }
        // Several migrations call the portal's SQLite search functions: they ran, so the command's connection has them.
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Cancel));

        var second = await MigrateAsync(SqliteSettings());

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("is current: no migrations to apply", second.Output);
        Assert.DoesNotContain(all[^1], second.Output);
    }

    [Fact]
    public async Task MigrateMigratesAnEmptyPostgreSqlDatabaseThenFindsItCurrent()
    {
        var connectionString = PostgreSqlTestServer.CreateEmptyDatabase("portal_migrate");
        try
        {
            KeyValuePair<string, string>[] settings = [new("Database__Provider", "PostgreSQL"), new("ConnectionStrings__Portal", connectionString)];
            var first = await MigrateAsync(settings);

            Assert.Equal(0, first.ExitCode);
            await using var db = new PostgreSqlPortalDbContext(PostgreSqlTestServer.Options(connectionString));
            var all = db.Database.GetMigrations().ToList();
            foreach (var migration in all)
            {
                Assert.Contains(migration, first.Output);
            }
            Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Cancel));

            var second = await MigrateAsync(settings);

            Assert.Equal(0, second.ExitCode);
            Assert.Contains("is current: no migrations to apply", second.Output);
        }
        finally
        {
            PostgreSqlTestServer.DropDatabase(connectionString);
        }
    }

    [Fact]
    public async Task MigrateFailsWithOneSentenceWhenTheDatabaseCannotBeReached()
    {
        // A port nobody listens on: the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await MigrateAsync([
            new("Database__Provider", "PostgreSQL"),
            new("ConnectionStrings__Portal", $"Host=127.0.0.1;Port={port};Database=portal;Username=portal;Password=x;Timeout=5")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("The migration did not run: the database (PostgreSQL database portal on 127.0.0.1) cannot be reached", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task ProductionRefusesToStartOnADatabaseWithAPendingMigrationUntilMigrateHasRun()
    {
        string last;
        await using (var db = SqliteContext(create: true))
        {
            var all = db.Database.GetMigrations().ToList();
            last = all[^1];
            await db.GetService<IMigrator>().MigrateAsync(all[^2], Cancel);
        }

        // Production's own default (appsettings.json): migrations are the operator's, through `migrate`.
        var refused = await PortalProcess.RunAsync([], [new("ASPNETCORE_ENVIRONMENT", "Production"), new("ASPNETCORE_URLS", "http://127.0.0.1:0"), .. SqliteSettings()]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"has migrations to apply ({last}) and Portal:ApplyMigrationsAtStartup is off: run 'dotnet Portal.dll migrate'", refused.Output + refused.Error);
        Assert.DoesNotContain("   at ", refused.Output + refused.Error);

        var migrated = await MigrateAsync(SqliteSettings());

        Assert.Equal(0, migrated.ExitCode);
        Assert.Contains($"Applying 1 migrations to SQLite file {DatabasePath}:", migrated.Output);
        Assert.Contains(last, migrated.Output);
        await using var after = SqliteContext();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Cancel));
    }

    [Fact]
    public void ProductionLeavesMigrationsToTheOperatorAndDevelopmentAppliesThem()
    {
        Assert.False(new Portal.Infrastructure.PortalOptions().ApplyMigrationsAtStartup);
        Assert.Contains("\"ApplyMigrationsAtStartup\": false", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        Assert.Contains("\"ApplyMigrationsAtStartup\": true", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json")));
    }

    private KeyValuePair<string, string>[] SqliteSettings() => [new("Portal__DataPath", _dataPath), new("ConnectionStrings__Portal", "Data Source=portal.db")];

    private static Task<ProgramRun> MigrateAsync(KeyValuePair<string, string>[] settings) =>
        PortalProcess.RunAsync(["migrate"], [new("ASPNETCORE_ENVIRONMENT", "Production"), .. settings]);

    private SqlitePortalDbContext SqliteContext(bool create = false) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={DatabasePath};Pooling=False;Mode={(create ? "ReadWriteCreate" : "ReadWrite")}")
            .AddInterceptors(SqliteSearchFunctions.Interceptor).Options);
}
