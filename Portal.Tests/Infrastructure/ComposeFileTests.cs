using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// docker-compose.yml as Compose itself reads it (`docker-compose config`, which validates the file and
/// prints it resolved): a one-shot `migrate` run of the portal's image, with the portal's own settings, that
/// the portal waits for; two portal replicas behind nginx (deploy/nginx.conf), the only service with a
/// published port, which waits until both are ready and whose address the portals trust for forwarded headers.
/// </summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public async Task ThePortalStartsOnlyAfterTheMigrateRunSucceeded()
    {
        var config = await ComposeConfigAsync();

        var migrate = Service(config, "migrate");
        Assert.Contains("command:\n    - migrate\n", migrate);
        Assert.Contains("restart: 'no'", migrate.Replace('"', '\''));
        foreach (var replica in Replicas)
        {
            var portal = Service(config, replica);
            Assert.Equal(Line(portal, "image"), Line(migrate, "image"));
            Assert.Equal(Block(portal, "environment"), Block(migrate, "environment"));
            Assert.Contains("    depends_on:\n      migrate:\n        condition: service_completed_successfully\n", portal);
            Assert.Contains("      minio-bucket:\n        condition: service_completed_successfully\n", portal);
            Assert.Contains("      postgres:\n        condition: service_healthy\n", portal);
        }
        // Production's default stands: the portal never migrates by itself in the container.
        Assert.DoesNotContain("ApplyMigrationsAtStartup", config);
    }

    private static readonly string[] Replicas = ["portal-1", "portal-2"];

    [Fact]
    public async Task TwoPortalReplicasRunBehindTheProxyWhichAloneHasAPort()
    {
        var config = await ComposeConfigAsync();

        var services = Regex.Matches(config.Split("\nservices:\n")[1].Split("\nvolumes:\n")[0], @"^  ([a-z0-9-]+):$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(["migrate", "minio", "minio-bucket", "portal-1", "portal-2", "postgres", "proxy"], services.Order());
        foreach (var name in services.Where(name => name != "proxy"))
        {
            Assert.DoesNotContain("\n    ports:", "\n" + Service(config, name));
        }
        var proxy = Service(config, "proxy");
        Assert.Matches(@"^nginx:\d", Line(proxy, "image"));
        Assert.Contains("    ports:\n    - published: 8080\n      target: 8080\n", proxy);
        Assert.Contains($"{Path.Combine(RepositoryPaths.Root(), "deploy", "nginx.conf")}:/etc/nginx/conf.d/default.conf:ro", proxy);
        // The proxy starts once both replicas answer /health/ready.
        foreach (var replica in Replicas)
        {
            Assert.Contains($"      {replica}:\n        condition: service_healthy\n", proxy);
            Assert.Contains("http://127.0.0.1:8080/health/ready", Block(Service(config, replica), "healthcheck"));
        }
        // Each replica keeps its temporary files in a volume of its own.
        var dataVolumes = Replicas.Select(r => Regex.Match(Service(config, r), @"(?m)^    - ([a-z0-9-]+):/data:rw$").Groups[1].Value).ToList();
        Assert.All(dataVolumes, volume => Assert.NotEmpty(volume));
        Assert.Equal(Replicas.Length, dataVolumes.Distinct().Count());
    }

    [Fact]
    public async Task TheProxySendsToEachReplicaAndThePortalsTrustItsForwardedHeaders()
    {
        var config = await ComposeConfigAsync();
        var nginx = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "deploy", "nginx.conf"));

        // The upstream servers are the replicas, on the port the image listens on.
        Assert.Equal(Replicas.Select(r => $"{r}:8080"), Regex.Matches(nginx, @"(?m)^\s*server ([a-z0-9-]+:\d+)").Select(m => m.Groups[1].Value));
        // The portals believe X-Forwarded-For/-Proto from the compose network, on which the proxy is.
        var subnet = Regex.Match(config, @"(?m)^\s+- subnet: (\S+)$").Groups[1].Value;
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+/\d+$", subnet);
        Assert.Contains($"Portal__ForwardedHeaders__KnownNetworks__0: {subnet}\n", Block(Service(config, "portal-1"), "environment"));
        Assert.DoesNotContain("networks:", Service(config, "proxy"));
    }

    [Fact]
    public async Task ComposeRefusesToStartWithoutTheTwoSecrets()
    {
        foreach (var (present, missing) in new[] { ("PORTAL_S3_SECRET_KEY=an-s3-secret", "PORTAL_DB_PASSWORD"), ("PORTAL_DB_PASSWORD=a-db-secret", "PORTAL_S3_SECRET_KEY") })
        {
            var run = await ComposeAsync(present);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"set {missing}", run.Error);
        }
    }

    [Fact]
    public async Task ThePortalsLogJsonLinesWithScopesAndKeepTheirPoolsUnderPostgreSqlsConnectionLimit()
    {
        var portal = Block(Service(await ComposeConfigAsync(), "portal-1"), "environment");

        Assert.Contains("Logging__Console__FormatterName: json\n", portal);
        Assert.Contains("Logging__Console__FormatterOptions__IncludeScopes: \"true\"\n", portal);
        // Compose folds the long connection string onto a second line.
        Assert.Contains("Password=a-db-secret;Maximum Pool Size=40", Regex.Replace(portal, @"\n\s+(?=\S)(?![A-Za-z_]+: )", " "));
        Assert.DoesNotContain("change-me", portal);
    }

    private static async Task<string> ComposeConfigAsync()
    {
        var run = await ComposeAsync("PORTAL_DB_PASSWORD=a-db-secret", "PORTAL_S3_SECRET_KEY=an-s3-secret");
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Output;
    }

    /// <summary>`docker-compose config` with only these variables in its environment file (none from a .env beside the file).</summary>
    private static async Task<ProgramRun> ComposeAsync(params string[] variables)
    {
        var envFile = Path.Combine(Path.GetTempPath(), $"portal-compose-{Guid.NewGuid():N}.env");
        await File.WriteAllLinesAsync(envFile, variables, TestContext.Current.CancellationToken);
        try
        {
            return await InstalledTool.RunAsync("docker-compose", "--env-file", envFile, "-f", Path.Combine(RepositoryPaths.Root(), "docker-compose.yml"), "config");
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    /// <summary>A service's lines in the resolved file, up to the next service.</summary>
    private static string Service(string config, string name)
    {
        var match = Regex.Match(config, $@"^  {Regex.Escape(name)}:\n((?:    .*\n|\n)+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no service {name} in:\n{config}");
        return "    " + match.Groups[1].Value.TrimStart();
    }

    private static string Line(string service, string key) => Regex.Match(service, $@"^    {key}: (.*)$", RegexOptions.Multiline).Groups[1].Value;

    private static string Block(string service, string key) => Regex.Match(service, $@"^    {key}:\n((?:      .*\n)+)", RegexOptions.Multiline).Groups[1].Value;
}
