using System.Diagnostics;
using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// docker-compose.yml as Compose itself reads it (`docker-compose config`, which validates the file and
/// prints it resolved): a one-shot `migrate` run of the portal's image, with the portal's own settings, that
/// the portal waits for.
/// </summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public async Task ThePortalStartsOnlyAfterTheMigrateRunSucceeded()
    {
        var config = await ComposeConfigAsync();

        var migrate = Service(config, "migrate");
        var portal = Service(config, "portal");
        Assert.Contains("command:\n    - migrate\n", migrate);
        Assert.Equal(Line(portal, "image"), Line(migrate, "image"));
        Assert.Equal(Block(portal, "environment"), Block(migrate, "environment"));
        Assert.Contains("restart: 'no'", migrate.Replace('"', '\''));
        Assert.Contains("    depends_on:\n      migrate:\n        condition: service_completed_successfully\n", portal);
        // Production's default stands: the portal never migrates by itself in the container.
        Assert.DoesNotContain("ApplyMigrationsAtStartup", config);
    }

    private static async Task<string> ComposeConfigAsync()
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepositoryPaths.Root(), "docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception) when (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip("docker-compose is not installed (scripts/test.sh installs it).");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, await error);
            return (await output).ReplaceLineEndings("\n");
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
