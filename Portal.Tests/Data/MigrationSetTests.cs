using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// Each provider has its own migration set; both must describe the one model. A model change without
/// a migration for each provider fails here (add them with the commands in README.md).
/// </summary>
public class MigrationSetTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the SQLite migrations do not have: dotnet ef migrations add NAME --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void PostgreSqlMigrationsMatchTheModel()
    {
        using var db = new PostgreSqlPortalDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the PostgreSQL migrations do not have: dotnet ef migrations add NAME --context PostgreSqlPortalDbContext --output-dir Data/Migrations/PostgreSql");
    }

    [Fact]
    public void EachProviderOnlySeesItsOwnMigrations()
    {
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlPortalDbContextDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgreSql.Database.GetMigrations());
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgreSql.Database.GetMigrations()));
    }

    [Fact]
    public async Task PostgreSqlMigrationsApplyToAnEmptyDatabase()
    {
        var connectionString = PostgreSqlTestServer.CreateEmptyDatabase();
        try
        {
            await using var db = new PostgreSqlPortalDbContext(PostgreSqlTestServer.Options(connectionString));
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            PostgreSqlTestServer.DropDatabase(connectionString);
        }
    }
}
