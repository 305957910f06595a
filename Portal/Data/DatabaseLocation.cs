using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// Where the database lives, as far as the portal can check without a query: a SQLite file that must
/// not be re-created in place when it vanishes, or a server that the provider itself creates.
/// Registered by <see cref="DatabaseSetup"/>, the one place that knows the provider.
/// </summary>
public abstract class DatabaseLocation
{
    /// <summary>Whether the database is there to be opened (a server database always "is": a query tells the rest).</summary>
    public abstract bool Exists();

    /// <summary>Creates a new, empty database where none exists, before the first migration.</summary>
    public abstract void CreateEmpty();

    /// <summary>Closes idle pooled connections, which could otherwise go on using a deleted file.</summary>
    public virtual void ReleaseConnections()
    {
    }

    public abstract override string ToString();
}

/// <summary>A SQLite file. The portal opens it read-write without "create", so a deleted file stays missing.</summary>
public sealed class SqliteDatabaseFile(string path) : DatabaseLocation
{
    public string Path { get; } = path;

    public override bool Exists() => File.Exists(Path);

    public override void CreateEmpty()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // An empty file is a valid empty SQLite database; CreateNew never truncates one that appeared meanwhile.
        using var _ = new FileStream(Path, FileMode.CreateNew, FileAccess.Write);
    }

    public override void ReleaseConnections() => SqliteConnection.ClearAllPools();

    public override string ToString() => $"SQLite file {Path}";
}

/// <summary>A database the provider cannot check from outside (in-memory SQLite).</summary>
public sealed class UncheckedDatabase(string description) : DatabaseLocation
{
    public override bool Exists() => true;

    public override void CreateEmpty()
    {
    }

    public override string ToString() => description;
}

/// <summary>
/// Refuses to open a connection to a SQLite file that is no longer there. SQLite's pool would
/// otherwise go on reading, and writing, the deleted file through connections it still holds.
/// </summary>
public sealed class MissingDatabaseGuard(SqliteDatabaseFile file) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfMissing();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfMissing();
        return ValueTask.FromResult(result);
    }

    private void ThrowIfMissing()
    {
        if (!file.Exists())
        {
            throw new DatabaseUnavailableException($"The database is missing: {file}.");
        }
    }
}

/// <summary>The database cannot be reached; requests answer 503 (see DatabaseUnavailableHandler).</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
