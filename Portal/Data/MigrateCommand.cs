using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// <c>dotnet Portal.dll migrate</c> (or <c>dotnet run --project Portal -- migrate</c>): applies the pending EF
/// migrations of the configured provider, printing each, and exits. The way to migrate in Production, where
/// <c>Portal:ApplyMigrationsAtStartup</c> is off and the portal refuses to start on a database that needs one.
/// A new SQLite file is created; PostgreSQL creates a missing database itself when the account may.
/// </summary>
public sealed class MigrateCommand(IDbContextFactory<PortalDbContext> contextFactory, DatabaseLocation location)
{
    public const string Name = "migrate";

    public static bool Handles(string[] args) => args.Length == 1 && args[0] == Name;

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (!location.Exists())
            {
                location.CreateEmpty();
                output.WriteLine($"Created a new database: {location}.");
            }
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                output.WriteLine($"The database ({location}) is current: no migrations to apply.");
                return 0;
            }
            output.WriteLine($"Applying {pending.Count} migrations to {location}:");
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var migration in pending)
            {
                output.WriteLine($"  {migration}");
            }
            output.WriteLine("Done: the database is current.");
            return 0;
        }
        catch (Exception e) when (e is DbException or DatabaseUnavailableException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            error.WriteLine($"The migration did not run: the database ({location}) cannot be reached or refused it ({OneLine(e)}).");
            return 1;
        }
    }

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
