using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// SQLite flavour of the model, the default. Its migrations live in Data/Migrations/Sqlite:
/// <c>dotnet ef migrations add NAME --project Portal --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite</c>
/// </summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
