using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>
/// PostgreSQL flavour of the model (<c>Database:Provider = PostgreSQL</c>). Its migrations live in
/// Data/Migrations/PostgreSql:
/// <c>dotnet ef migrations add NAME --project Portal --context PostgreSqlPortalDbContext --output-dir Data/Migrations/PostgreSql</c>
/// </summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Symbol keys compare byte by byte, as in SQLite, whatever the database's locale: "A/75/10"
        // sorts after "A/75/1" and before "A/75/2" on every provider.
        modelBuilder.Entity<Entities.DocumentSymbol>().Property(s => s.Key).UseCollation("C");
        modelBuilder.Entity<Entities.CrossReference>().Property(r => r.TargetKey).UseCollation("C");
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server or the app's
/// configuration (which selects SQLite by default). Migrations are generated from the model alone.
/// </summary>
public sealed class PostgreSqlPortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=portal_design_time")
            .Options);
}
