using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Data;
using Portal.Data.Seed;

namespace Portal.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL cluster that scripts/test.sh starts (scripts/test-services.sh), reached
/// through <c>PORTAL_TEST_POSTGRES</c>. Every test database is a new database on it, dropped when done.
/// Without the variable, PostgreSQL tests are skipped on a developer's machine and fail under CI=true.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly string TemplateSuffix = $"{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
    private static string? _migratedTemplate;
    private static string? _seededTemplate;

    /// <summary>The maintenance database's connection string, or the test is skipped (failed in CI).</summary>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
            const string message = $"PostgreSQL tests need {Variable} (a connection string to a test cluster): run scripts/test.sh, or `source scripts/test-services.sh` before dotnet test.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message + " CI must run them.");
            }
            Assert.Skip(message);
            return "";
        }
    }

    /// <summary>Skips (or fails in CI) the calling test class when there is no test cluster.</summary>
    public static void Require() => _ = AdminConnectionString;

    /// <summary>A new, empty database (no tables): the portal migrates it at start-up.</summary>
    public static string CreateEmptyDatabase(string prefix = "portal") => CreateDatabase(prefix, template: null);

    /// <summary>A new database with every migration applied.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync() =>
        CreateDatabase("portal", await TemplateAsync(seeded: false));

    /// <summary>A new database with every migration applied and the demo data loaded.</summary>
    public static async Task<string> CreateSeededDatabaseAsync() =>
        CreateDatabase("portal", await TemplateAsync(seeded: true));

    /// <summary>
    /// Migrating and seeding take seconds; copying a template database takes a fraction of one. So
    /// each test process builds the two templates once and every test database is a copy.
    /// </summary>
    private static async Task<string> TemplateAsync(bool seeded)
    {
        await TemplateLock.WaitAsync();
        try
        {
            _migratedTemplate ??= await BuildTemplateAsync("portal_template_migrated", from: null, fill: null);
            if (!seeded)
            {
                return _migratedTemplate;
            }
            return _seededTemplate ??= await BuildTemplateAsync("portal_template_seeded", _migratedTemplate, async connectionString =>
            {
                var factory = new ContextFactory(connectionString);
                await new DemoDataSeeder(factory, TimeProvider.System, NullLogger<DemoDataSeeder>.Instance).SeedIfEmptyAsync();
            });
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static DbContextOptions<PostgreSqlPortalDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(connectionString).Options;

    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<string> BuildTemplateAsync(string prefix, string? from, Func<string, Task>? fill)
    {
        var name = $"{prefix}_{TemplateSuffix}";
        Execute($"CREATE DATABASE \"{name}\"{(from is null ? "" : $" TEMPLATE \"{from}\"")}");
        var connectionString = ConnectionStringFor(name);
        if (from is null)
        {
            await using var db = new PostgreSqlPortalDbContext(Options(connectionString));
            await db.Database.MigrateAsync();
        }
        if (fill is not null)
        {
            await fill(connectionString);
        }
        // A template must have no open connections while a database is copied from it.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return name;
    }

    private static string CreateDatabase(string prefix, string? template)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}");
        return ConnectionStringFor(name);
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new PostgreSqlPortalDbContext(Options(connectionString));
    }
}
