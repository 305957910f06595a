using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using Portal.Storage;

namespace Portal.Tests.Data;

/// <summary>
/// The start-up rules that keep stored files safe, checked on the real portal process (Portal.dll,
/// as `dotnet Portal.dll` runs it) where the rule is about starting at all.
/// </summary>
public sealed class StartupSafetyTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-startup-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_dataPath, "portal.db");

    public StartupSafetyTests() => Directory.CreateDirectory(_dataPath);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task ProductionRefusesToLoadDemoData()
    {
        var run = await RunPortalAsync("Production", ("Portal__SeedDemoData", "true"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Portal:SeedDemoData is on in the Production environment", run.Output);
        Assert.False(File.Exists(DatabasePath));
    }

    [Theory]
    [InlineData("Portal__FileStore__S3__SecretKey", "portal-change-me-too", "Portal:FileStore:S3:SecretKey is an example value")]
    [InlineData("ConnectionStrings__Portal", "Data Source=portal.db;Password=portal-change-me", "the database password in ConnectionStrings:Portal is an example value")]
    [InlineData("Portal__Mail__UserName", "alerts@un.example", "Portal:Mail:UserName is set but Portal:Mail:Password is not")]
    public async Task ProductionRefusesExampleOrMissingSecrets(string setting, string value, string problem)
    {
        var run = await RunPortalAsync("Production", ("Portal__ApplyMigrationsAtStartup", "true"), (setting, value));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The Production portal needs real secrets: " + problem, run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task ProductionRefusesADatabaseHoldingTheDemoAccountsUntilTheyAreRemoved()
    {
        // A database that ran in Development with demo data, whose account passwords that portal printed, moved to production.
        var migrate = await PortalProcess.RunAsync(["migrate"], PortalSettings("Production"));
        Assert.Equal(0, migrate.ExitCode);
        await using (var db = SqliteContext())
        {
            db.Users.Add(new PortalUser
            {
                UserName = "editor@demo.example",
                NormalizedUserName = "EDITOR@DEMO.EXAMPLE",
                Email = "editor@demo.example",
                NormalizedEmail = "EDITOR@DEMO.EXAMPLE",
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            db.Users.Add(new PortalUser
            {
                UserName = "clerk@un.example",
                NormalizedUserName = "CLERK@UN.EXAMPLE",
                Email = "clerk@un.example",
                NormalizedEmail = "CLERK@UN.EXAMPLE",
                SecurityStamp = Guid.NewGuid().ToString(),
            });
            await db.SaveChangesAsync(Cancel);
        }

        var refused = await RunPortalAsync("Production");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The database holds the demo accounts (editor@demo.example)", refused.Output);
        Assert.Contains("dotnet Portal.dll remove-demo-accounts", refused.Output);

        var removal = await PortalProcess.RunAsync(["remove-demo-accounts"], PortalSettings("Production"));
        Assert.Equal(0, removal.ExitCode);
        Assert.Contains("Removed the demo account editor@demo.example.", removal.Output);
        await using (var db = SqliteContext())
        {
            Assert.Equal(["clerk@un.example"], await db.Users.Select(u => u.Email).ToListAsync(Cancel));
        }
        await using var portal = await ServingPortal.StartAsync(PortalSettings("Production"));
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ALostDatabaseBesideStoredFilesStopsThePortalBeforeItSeedsOrSweeps()
    {
        // A portal's file store survives; its database is gone. Development, with demo data on, is
        // the worst case: before, the demo data filled the new database and the sweep then deleted
        // every file it did not reference.
        var store = new LocalDocumentFileStore(Path.Combine(_dataPath, "files"));
        var blob = await store.PutAsync(new MemoryStream("an issued PDF"u8.ToArray()), Cancel);

        var run = await RunPortalAsync("Development", ("Portal__SeedDemoData", "true"), ("Portal__FileSweep__GracePeriod", "00:00:00"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("holds no documents, but the file store holds 1 files", run.Output);
        await using (var stream = await store.OpenReadAsync(blob.Sha256, Cancel))
        {
            Assert.NotNull(stream);
        }
        await using var db = SqliteContext();
        Assert.False(await db.Documents.AnyAsync(Cancel));
    }

    [Fact]
    public async Task AMissingDatabaseIsNotCreatedWhenMigrationsAreLeftToTheOperator()
    {
        var run = await RunPortalAsync("Production", ("Portal__ApplyMigrationsAtStartup", "false"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist and Portal:ApplyMigrationsAtStartup is off", run.Output);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task ProductionStartsEmptyWithoutDemoData()
    {
        await using var portal = new EmptyPortal();
        using var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        Assert.False(await db.Documents.AnyAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/A/75/778", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ADatabaseDeletedUnderTheRunningPortalTurnsTheHealthCheckRedAndIsNotRecreated()
    {
        await using var portal = new PortalAppFactory();
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/A/75/778", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
        var database = Path.Combine(portal.DataPath, "portal.db");

        File.Delete(database);

        var health = await client.GetAsync("/healthz", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Cancel));
        var page = await client.GetAsync("/A/75/778", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("database is unavailable", await page.Content.ReadAsStringAsync(Cancel));
        var file = await client.GetAsync("/A/75/778/en.docx", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, file.StatusCode);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void DemoDataIsOptInOutsideDevelopment()
    {
        Assert.False(new PortalOptions().SeedDemoData);
        var appsettings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        Assert.Contains("\"SeedDemoData\": false", appsettings);
        var compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docker-compose.yml"));
        Assert.DoesNotContain("SeedDemoData", compose);
    }

    private SqlitePortalDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options);

    private sealed record PortalRun(int ExitCode, string Output);

    /// <summary>Starts the portal on this test's data folder and waits for it to stop by itself.</summary>
    private async Task<PortalRun> RunPortalAsync(string environment, params (string Key, string Value)[] settings)
    {
        var run = await PortalProcess.RunAsync([], [
            .. PortalSettings(environment),
            new("ASPNETCORE_URLS", "http://127.0.0.1:0"),
            .. settings.Select(s => new KeyValuePair<string, string>(s.Key, s.Value))]);
        return new PortalRun(run.ExitCode, run.Output + run.Error);
    }

    private KeyValuePair<string, string>[] PortalSettings(string environment) =>
    [
        new("ASPNETCORE_ENVIRONMENT", environment),
        new("Portal__DataPath", _dataPath),
        new("ConnectionStrings__Portal", "Data Source=portal.db"),
    ];


    private sealed class EmptyPortal : PortalAppFactory
    {
        protected override bool SeedDemoData => false;
    }
}
