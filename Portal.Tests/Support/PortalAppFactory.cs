using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Support;

/// <summary>
/// The real portal (Program.cs) on a fresh SQLite file in its own temporary data folder, migrated
/// and loaded with the demo data exactly as `dotnet run` does. <see cref="StartKestrel"/> serves it
/// on 127.0.0.1 for browser tests; <c>CreateClient()</c> uses the in-memory test server.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private bool _kestrel;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration a test class needs, applied after the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataPath);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Portal", "Data Source=portal.db");
        builder.UseSetting("Portal:DataPath", DataPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (_kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
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
