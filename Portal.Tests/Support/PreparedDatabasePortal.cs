using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// A portal without demo data, started on a database a test prepared beforehand (migrated, restored, imported into).
/// On PostgreSQL that database is handed over: the portal owns it and drops it when disposed.
/// </summary>
public class PreparedDatabasePortal : PortalAppFactory
{
    private readonly DatabaseProvider _provider;

    public PreparedDatabasePortal(DatabaseProvider provider, string? postgreSqlDatabase)
    {
        _provider = provider;
        PostgreSqlDatabase = postgreSqlDatabase;
        if (postgreSqlDatabase is not null)
        {
            UsePostgreSqlDatabase(postgreSqlDatabase);
        }
        Directory.CreateDirectory(DataPath);
    }

    /// <summary>The PostgreSQL database's connection string, or null on SQLite (the data folder's <c>portal.db</c>).</summary>
    protected string? PostgreSqlDatabase { get; }

    protected override DatabaseProvider Provider => _provider;

    protected override bool SeedDemoData => false;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && PostgreSqlDatabase is not null)
        {
            PostgreSqlTestServer.DropDatabase(PostgreSqlDatabase);
        }
    }
}
