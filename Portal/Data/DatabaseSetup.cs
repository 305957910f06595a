using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data.Search;
using Portal.Infrastructure;

namespace Portal.Data;

/// <summary>
/// The one place that knows which database provider is in use. Everything else asks for
/// <see cref="IDbContextFactory{PortalDbContext}"/>.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<CatalogueVersion>();
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(configuration, environment);
                var sqlite = new SqliteConnectionStringBuilder(connectionString);
                var file = IsInMemory(sqlite) ? null : new SqliteDatabaseFile(sqlite.DataSource);
                services.AddSingleton<DatabaseLocation>(file is null ? new UncheckedDatabase("in-memory SQLite") : file);
                IInterceptor[] guard = file is null ? [] : [new MissingDatabaseGuard(file)];
                // Single queries on purpose: list projections load a document's few symbols and
                // language titles together, and one round trip beats three for 25 rows.
                services.AddPooledDbContextFactory<SqlitePortalDbContext>((sp, o) => o
                    .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                    .AddInterceptors([.. guard, SqliteSearchFunctions.Interceptor, sp.GetRequiredService<CatalogueVersion>()]));
                services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
                services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported.");
        }
        // Identity's stores take a context per request or circuit; it comes from the same pool.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// A relative SQLite file is placed under <see cref="PortalOptions.DataPath"/>, so the database
    /// ends up in the same place whatever folder the portal was started from.
    /// </summary>
    internal static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Portal") ?? "Data Source=portal.db");
        if (IsInMemory(builder))
        {
            return builder.ToString();
        }
        if (!Path.IsPathRooted(builder.DataSource))
        {
            var dataPath = Path.Combine(environment.ContentRootPath, configuration[$"{PortalOptions.SectionName}:DataPath"] ?? "data");
            Directory.CreateDirectory(dataPath);
            builder.DataSource = Path.GetFullPath(Path.Combine(dataPath, builder.DataSource));
        }
        // Never "create": a database file deleted under the running portal must stay missing (and
        // the health check red), not come back empty. DatabaseInitializer creates a new one at start-up.
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }
        return builder.ToString();
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;

    private sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
        where TContext : PortalDbContext
    {
        public PortalDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
