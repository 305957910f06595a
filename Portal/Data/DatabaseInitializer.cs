using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Features.Downloads;
using Portal.Infrastructure;

namespace Portal.Data;

/// <summary>Applies migrations and loads demo data at start-up, as far as the operator allows.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (!options.ApplyMigrationsAtStartup)
        {
            return;
        }
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        if (options.SeedDemoData && await app.Services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync())
        {
            await app.Services.GetRequiredService<DemoFiles>().AttachAsync();
        }
    }
}
