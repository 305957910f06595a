using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Data.Search;
using Portal.Data.Seed;

namespace Portal.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the app's migrations, alive while the
/// connection is open. <see cref="CreateSeededAsync"/> loads the demo data through the app's seeder.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<SqlitePortalDbContext> _options;

    private TestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        // The interceptor that registers the search functions only sees connections EF opens itself.
        SqliteSearchFunctions.Register(_connection);
        _options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(_connection).Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var database = await CreateAsync();
        await new DemoDataSeeder(database, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedIfEmptyAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(_options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
