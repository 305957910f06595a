using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Data.Seed;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// The real portal (Program.cs) in Production on a fresh SQLite file in its own temporary data folder
/// (or, when <see cref="Provider"/> says so, a fresh database on the test PostgreSQL cluster),
/// migrated at start-up and then loaded with the demo data through the same seeder `dotnet run` uses in
/// Development (the portal itself refuses demo data in Production). <see cref="StartKestrel"/> serves
/// it on 127.0.0.1 for browser tests; <c>CreateClient()</c> uses the in-memory test server.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private bool _kestrel;
    private string? _postgreSql;
    private bool _ownsDatabase = true;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Whether the demo documents and their files are loaded once the portal has started.</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>The database the portal runs on; PostgreSQL gets a new database per factory (per test class).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Runs this portal on an existing PostgreSQL database (another instance's), which it leaves in place.</summary>
    protected void UsePostgreSqlDatabase(string connectionString)
    {
        _postgreSql = connectionString;
        _ownsDatabase = false;
    }

    /// <summary>The PostgreSQL database's connection string, when <see cref="Provider"/> is PostgreSQL.</summary>
    public string? PostgreSqlConnectionString => _postgreSql;

    /// <summary>Extra configuration a test class needs, applied after the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataPath);
        builder.UseEnvironment("Production");
        if (Provider == DatabaseProvider.PostgreSql)
        {
            _postgreSql ??= PostgreSqlTestServer.CreateEmptyDatabase();
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Portal", _postgreSql);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Portal", "Data Source=portal.db");
        }
        builder.UseSetting("Portal:DataPath", DataPath);
        // Production leaves migrations to the operator (`migrate`); a test portal on a fresh database migrates itself.
        builder.UseSetting("Portal:ApplyMigrationsAtStartup", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // The nightly bulk dump would write a file into every test portal's store at start-up; its tests run it themselves.
        builder.UseSetting("Portal:Dumps:Nightly", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (_kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (SeedDemoData)
        {
            SeedAsync(host.Services).GetAwaiter().GetResult();
        }
        return host;
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        if (await services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync())
        {
            await services.GetRequiredService<DemoFiles>().AttachAsync();
        }
    }

    /// <summary>Starts the portal on real Kestrel at 127.0.0.1 and returns its base address.</summary>
    public Uri StartKestrel()
    {
        _kestrel = true;
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgreSql is not null && _ownsDatabase)
            {
                PostgreSqlTestServer.DropDatabase(_postgreSql);
            }
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the OS temp cleaner will take it.
            }
        }
    }
}
