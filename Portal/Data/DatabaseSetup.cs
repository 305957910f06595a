using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
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
                AddSqlite(services, configuration, environment);
                break;
            case DatabaseProvider.PostgreSql:
                AddPostgreSql(services, configuration);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported.");
        }
        // Identity's stores take a context per request or circuit; it comes from the same pool.
        // Data Protection's keys (cookies, antiforgery tokens) live in the database, so every instance
        // on it reads what another wrote; the fixed application name keeps instances installed in
        // different folders from isolating their payloads from each other. The one-time link that
        // `create-admin` prints in its own process is valid in the portal's for the same reason.
        services.AddScoped<MigrateCommand>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName("un-document-portal")
            .PersistKeysToDbContext<PortalDbContext>();
        return services;
    }

    private static void AddSqlite(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = SqliteConnectionString(configuration, environment);
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var file = IsInMemory(sqlite) ? null : new SqliteDatabaseFile(sqlite.DataSource);
        services.AddSingleton<DatabaseLocation>(file is null ? new UncheckedDatabase("in-memory SQLite") : file);
        IInterceptor[] guard = file is null ? [] : [new MissingDatabaseGuard(file)];
        // Single queries on purpose: list projections load a document's few symbols and
        // language titles together, and one round trip beats three for 25 rows.
        services.AddPooledDbContextFactory<SqlitePortalDbContext>((sp, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors([.. guard, SqliteBusyTimeout.Interceptor, SqliteSearchFunctions.Interceptor, sp.GetRequiredService<CatalogueVersion>()]));
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddSingleton<DatabaseTransfer, SqliteDatabaseTransfer>();
    }

    private static void AddPostgreSql(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Portal");
        NpgsqlConnectionStringBuilder npgsql;
        try
        {
            npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new PortalStartupException($"ConnectionStrings:Portal is not a PostgreSQL connection string ({e.Message}). Example: Host=db;Database=portal;Username=portal;Password=...");
        }
        if (string.IsNullOrEmpty(npgsql.Host) || string.IsNullOrEmpty(npgsql.Database))
        {
            throw new PortalStartupException("Database:Provider is PostgreSQL: ConnectionStrings:Portal must name a Host and a Database, e.g. Host=db;Database=portal;Username=portal;Password=...");
        }
        services.AddSingleton<DatabaseLocation>(new UncheckedDatabase($"PostgreSQL database {npgsql.Database} on {npgsql.Host}"));
        services.AddSingleton<PostgreSqlCatalogueNotifier>();
        services.AddPooledDbContextFactory<PostgreSqlPortalDbContext>((sp, o) => o
            .UseNpgsql(connectionString, pg => pg.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(sp.GetRequiredService<CatalogueVersion>(), sp.GetRequiredService<PostgreSqlCatalogueNotifier>()));
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgreSqlPortalDbContext>>();
        services.AddSingleton<ISearchIndex, PostgreSqlSearchIndex>();
        services.AddSingleton<DatabaseTransfer, PostgreSqlDatabaseTransfer>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgreSqlCatalogueListener>(sp, connectionString!));
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlCatalogueListener>());
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
