using System.Data.Common;
using Portal.Data;

namespace Portal.Infrastructure;

/// <summary>
/// Outside Development the portal refuses to start on a secret that is missing beside the setting that needs it, or
/// that still holds an example value (docker-compose.yml's "change-me" defaults): a portal reachable from the
/// network must not run on passwords printed in a public repository.
/// </summary>
public static class ProductionSecrets
{
    private static readonly string[] ExampleMarkers = ["change-me", "changeme", "change_me"];

    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }
        var problems = new List<string>();
        if (PasswordIn(configuration.GetConnectionString("Portal")) is { } databasePassword && IsExample(databasePassword))
        {
            problems.Add("the database password in ConnectionStrings:Portal is an example value (set PORTAL_DB_PASSWORD with docker compose)");
        }
        if (IsExample(configuration["Portal:FileStore:S3:SecretKey"]))
        {
            problems.Add("Portal:FileStore:S3:SecretKey is an example value (set PORTAL_S3_SECRET_KEY with docker compose)");
        }
        var mailPassword = configuration["Portal:Mail:Password"];
        if (IsExample(mailPassword))
        {
            problems.Add("Portal:Mail:Password is an example value");
        }
        else if (!string.IsNullOrEmpty(configuration["Portal:Mail:UserName"]) && string.IsNullOrEmpty(mailPassword))
        {
            problems.Add("Portal:Mail:UserName is set but Portal:Mail:Password is not");
        }
        if (problems.Count > 0)
        {
            throw new PortalStartupException(
                $"The {environment.EnvironmentName} portal needs real secrets: {string.Join("; ", problems)}. " +
                "Set them in the environment or a secret store; they are never read from the repository.");
        }
    }

    private static bool IsExample(string? secret) =>
        secret is not null && ExampleMarkers.Any(m => secret.Contains(m, StringComparison.OrdinalIgnoreCase));

    private static string? PasswordIn(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }
        try
        {
            var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return parts.TryGetValue("Password", out var password) || parts.TryGetValue("Pwd", out password) ? password?.ToString() : null;
        }
        catch (ArgumentException)
        {
            // Not a connection string at all: the database setup says so in its own words.
            return null;
        }
    }
}
