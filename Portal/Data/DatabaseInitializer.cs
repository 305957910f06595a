using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data.Seed;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Data;

/// <summary>
/// Creates and migrates the database at start-up, as far as the operator allows, and refuses to start
/// on a database that looks lost: an empty database beside a file store that holds files.
/// </summary>
/// <remarks>Returns true when it loaded the demo data into a new database; the caller then adds the demo files.</remarks>
public static class DatabaseInitializer
{
    public static async Task<bool> InitializePortalDatabaseAsync(this WebApplication app)
    {
        var services = app.Services;
        var options = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var location = services.GetRequiredService<DatabaseLocation>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (options.SeedDemoData && app.Environment.IsProduction())
        {
            throw new PortalStartupException(
                "Portal:SeedDemoData is on in the Production environment. Demo data is never loaded in Production, " +
                "where an empty database means a lost one: remove the setting (or run with another ASPNETCORE_ENVIRONMENT for a demo).");
        }

        if (!location.Exists())
        {
            if (!options.ApplyMigrationsAtStartup)
            {
                throw new PortalStartupException(
                    $"The database ({location}) does not exist and Portal:ApplyMigrationsAtStartup is off. " +
                    $"Restore it from a backup, or create it with '{MigrateCommand.Name}' (dotnet Portal.dll {MigrateCommand.Name}).");
            }
            location.CreateEmpty();
            logger.LogInformation("Created a new database: {Location}", location);
        }

        await using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        if (options.ApplyMigrationsAtStartup)
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            // Serving pages from a schema the code does not match would answer 500s: stop with the remedy instead.
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count > 0)
            {
                var names = pending.Count <= 3 ? string.Join(", ", pending) : $"{pending[0]} … {pending[^1]}";
                throw new PortalStartupException(
                    $"The database ({location}) has migrations to apply ({names}) and Portal:ApplyMigrationsAtStartup is off: " +
                    $"run 'dotnet Portal.dll {MigrateCommand.Name}', then start the portal again.");
            }
        }

        if (await db.Documents.AnyAsync() || await db.StoredFiles.AnyAsync())
        {
            return false;
        }
        var store = services.GetRequiredService<IDocumentFileStore>();
        var storedFiles = await CountStoredFilesAsync(store);
        if (storedFiles > 0)
        {
            throw new PortalStartupException(
                $"The database ({location}) holds no documents, but the file store holds {storedFiles} files. " +
                "The database was probably lost or replaced: restore it from a backup. The portal will not start, seed demo data " +
                "or sweep the store until the database and the file store belong together (if the files really are unwanted, move them away).");
        }
        return options.SeedDemoData && await services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
    }

    private static async Task<int> CountStoredFilesAsync(IDocumentFileStore store)
    {
        var count = 0;
        await foreach (var blob in store.ListAsync())
        {
            if (LocalDocumentFileStore.IsKey(blob.Sha256))
            {
                count++;
            }
        }
        return count;
    }
}

/// <summary>A condition the operator must resolve before the portal can start; its message says how.</summary>
public sealed class PortalStartupException(string message) : Exception(message);
