using System.Diagnostics;

namespace Portal.Tests.Support;

/// <summary>What a run of the real program printed, and how it ended.</summary>
internal sealed record ProgramRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs Portal.dll from the test output folder, as `dotnet Portal.dll …` runs it, and waits for it to stop by
/// itself (a run that would serve until killed is killed after a generous bound, and the test then fails on its exit).
/// </summary>
internal static class PortalProcess
{
    public static async Task<ProgramRun> RunAsync(string[] arguments, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var cancel = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet", ["Portal.dll", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var error = process.StandardError.ReadToEndAsync(cancel);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return new ProgramRun(process.ExitCode, await output, await error);
    }
}
