using System.Diagnostics;

namespace Portal.Tests.Support;

/// <summary>
/// Runs a program from the machine's packages (scripts/test.sh installs them) and waits for it to end. Without the
/// program, the test is skipped on a developer's machine and fails under CI=true.
/// </summary>
internal static class InstalledTool
{
    public static async Task<ProgramRun> RunAsync(string program, params string[] arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception) when (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip($"{program} is not installed (scripts/test.sh installs it).");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return new ProgramRun(process.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
        }
    }
}
