using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Data.Search;
using Portal.Data.Seed;
using Portal.Infrastructure;

namespace Portal.Tests.Support;

/// <summary>
/// A real database migrated with the app's migrations: SQLite in memory (alive while its connection is
/// open), or a new database on the test PostgreSQL cluster (dropped on dispose).
/// <see cref="CreateSeededAsync"/> loads the demo data through the app's seeder.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly DbContextOptions<SqlitePortalDbContext>? _sqliteOptions;
    private readonly string? _postgreSql;
    private readonly DbContextOptions<PostgreSqlPortalDbContext>? _postgreSqlOptions;

    private TestDatabase()
    {
        _sqlite = new SqliteConnection("Data Source=:memory:");
        _sqlite.Open();
        // The interceptor that registers the search functions only sees connections EF opens itself.
        SqliteSearchFunctions.Register(_sqlite);
        _sqliteOptions = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(_sqlite).Options;
    }

    private TestDatabase(string postgreSql)
    {
        _postgreSql = postgreSql;
        _postgreSqlOptions = PostgreSqlTestServer.Options(postgreSql);
    }

    public DatabaseProvider Provider => _sqlite is null ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

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

    public PortalDbContext CreateDbContext() => _sqlite is not null
        ? new SqlitePortalDbContext(_sqliteOptions!)
        : new PostgreSqlPortalDbContext(_postgreSqlOptions!);

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
        else
        {
            PostgreSqlTestServer.DropDatabase(_postgreSql!);
        }
    }
}
