using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Data.Search;
using Portal.Data.Seed;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// A real database migrated with the app's migrations: a new SQLite file in the temporary folder, opened through
/// pooled connections with the app's busy timeout and search functions (a search reads on two at once), or a new
/// database on the test PostgreSQL cluster; either is deleted on dispose.
/// <see cref="CreateSeededAsync"/> loads the demo data through the app's seeder.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly DbContextOptions<SqlitePortalDbContext>? _sqliteOptions;
    private readonly string? _postgreSql;
    private readonly DbContextOptions<PostgreSqlPortalDbContext>? _postgreSqlOptions;

    private TestDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests");
        Directory.CreateDirectory(folder);
        _sqliteFile = Path.Combine(folder, $"database-{Guid.NewGuid():N}.db");
        _sqliteOptions = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(SqliteConnectionString)
            .AddInterceptors(SqliteBusyTimeout.Interceptor, SqliteSearchFunctions.Interceptor)
            .Options;
    }

    private TestDatabase(string postgreSql)
    {
        _postgreSql = postgreSql;
        _postgreSqlOptions = PostgreSqlTestServer.Options(postgreSql);
    }

    private string SqliteConnectionString => $"Data Source={_sqliteFile}";

    public DatabaseProvider Provider => _sqliteFile is null ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return new TestDatabase(await PostgreSqlTestServer.CreateMigratedDatabaseAsync());
        }
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return new TestDatabase(await PostgreSqlTestServer.CreateSeededDatabaseAsync());
        }
        var database = await CreateAsync(provider);
        await new DemoDataSeeder(database, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedIfEmptyAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => _sqliteFile is not null
        ? new SqlitePortalDbContext(_sqliteOptions!)
        : new PostgreSqlPortalDbContext(_postgreSqlOptions!);

    /// <summary>Contexts on the same database with <paramref name="interceptors"/> added, to land another writer's change at a chosen moment.</summary>
    public IDbContextFactory<PortalDbContext> With(params IInterceptor[] interceptors) => _sqliteFile is not null
        ? new Hooked(() => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>(_sqliteOptions!).AddInterceptors(interceptors).Options))
        : new Hooked(() => new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>(_postgreSqlOptions!).AddInterceptors(interceptors).Options));

    private sealed class Hooked(Func<PortalDbContext> create) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => create();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            using (var pooled = new SqliteConnection(SqliteConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + "-journal" })
            {
                File.Delete(file);
            }
        }
        else
        {
            PostgreSqlTestServer.DropDatabase(_postgreSql!);
        }
    }
}
