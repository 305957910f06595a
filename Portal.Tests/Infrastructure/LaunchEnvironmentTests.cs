using System.Diagnostics;
using System.Text.RegularExpressions;

using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// `dotnet run --project Portal` uses Properties/launchSettings.json. Its profile must default to
/// Development without overriding an ASPNETCORE_ENVIRONMENT the operator set, and the Docker image
/// must never run in Development (the developer exception page shows stack traces).
/// </summary>
public class LaunchEnvironmentTests
{
    private static readonly string Root = RepositoryPaths.Root();

    [Theory]
    [InlineData("Production", "Production")]
    [InlineData("Staging", "Staging")]
    [InlineData(null, "Development")]
    public async Task DotnetRunHonoursAspNetCoreEnvironment(string? variable, string expected)
    {
        var data = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet", ["run", "--project", "Portal", "--no-build", "-c", "Release", "--", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        if (variable is not null)
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = variable;
        }
        start.Environment["Portal__DataPath"] = data;
        start.Environment["Portal__SeedDemoData"] = "false";
        if (variable is not null)
        {
            // Outside Development the portal leaves a new database to `migrate`; Development (null) creates it itself.
            start.Environment["Portal__ApplyMigrationsAtStartup"] = "true";
        }
        using var process = Process.Start(start)!;
        try
        {
            // The host logs its environment once it has started; wait for that line (or the exit).
            string? line;
            var seen = new List<string>();
            while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null)
            {
                seen.Add(line);
                if (line.Contains("Hosting environment:", StringComparison.Ordinal))
                {
                    Assert.EndsWith($"Hosting environment: {expected}", line.Trim());
                    return;
                }
            }
            Assert.Fail($"the portal exited without starting:\n{string.Join('\n', seen)}\n{await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void TheDockerImageRunsInProduction()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var runtimeStage = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Matches(@"(?m)^ENV\s+(.*\\\n\s+)*ASPNETCORE_ENVIRONMENT=Production\b", runtimeStage);
    }

    /// <summary>
    /// The runtime stage as Docker would build it (there is no engine here to build it): Debian 12 (whose
    /// Chromium and fonts CI tests with) with the ASP.NET runtime and without the SDK, Debian's Chromium and the
    /// fonts generated PDFs need, the portal told where Chromium is, and a non-root user that owns /data.
    /// </summary>
    [Fact]
    public void TheDockerImageRunsAsANonRootUserWithChromiumAndNoSdk()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile")).ReplaceLineEndings("\n");
        var stages = Regex.Split(dockerfile, @"(?m)^(?=FROM\s)");
        var runtimeStage = stages[^1];

        Assert.StartsWith("FROM debian:bookworm-slim AS runtime\n", runtimeStage);
        Assert.Contains(stages, stage => stage.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n", StringComparison.Ordinal));
        Assert.Contains(stages, stage => stage.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet\n", StringComparison.Ordinal));
        Assert.Equal(["--from=aspnet /usr/share/dotnet /usr/share/dotnet", "--from=build /app ."],
            Regex.Matches(runtimeStage, @"(?m)^COPY (.*)$").Select(m => m.Groups[1].Value));
        var packages = Regex.Match(runtimeStage, @"apt-get install -y --no-install-recommends ((?:[^&\\]|\\\n)+)").Groups[1].Value
            .Split([' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(new HashSet<string> { "chromium", "fonts-noto-cjk", "fonts-noto-core", "fonts-wqy-zenhei", "libicu72" }, packages.ToHashSet());
        Assert.Matches(@"(?m)^\s+Portal__ChromiumPath=/usr/bin/chromium\b", runtimeStage);
        Assert.Contains("chown app:app /data", runtimeStage);
        Assert.Matches(@"useradd --uid ""\$APP_UID""", runtimeStage);
        // One USER, not root, before the program starts.
        Assert.Equal(["$APP_UID"], Regex.Matches(runtimeStage, @"(?m)^USER\s+(\S+)").Select(m => m.Groups[1].Value));
        Assert.True(runtimeStage.IndexOf("\nUSER ", StringComparison.Ordinal) < runtimeStage.IndexOf("\nENTRYPOINT", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^ENV APP_UID=[1-9][0-9]+$", runtimeStage);
    }

}
