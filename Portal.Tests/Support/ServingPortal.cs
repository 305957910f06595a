using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Support;

/// <summary>
/// The real program (`dotnet Portal.dll`) serving on 127.0.0.1 at a port Kestrel picks, with everything it prints kept
/// for the test to read: for what only the process shows, such as its console log format.
/// </summary>
internal sealed partial class ServingPortal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServingPortal(IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet", ["Portal.dll"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The portal stopped before it served:\n" + Output));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Starts the portal and waits until Kestrel says where it listens (or the process ends, which fails the test).</summary>
    public static async Task<ServingPortal> StartAsync(IEnumerable<KeyValuePair<string, string>> environment)
    {
        var portal = new ServingPortal(environment);
        try
        {
            portal.BaseAddress = await portal._listening.Task.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    /// <summary>Waits until a printed line meets <paramref name="condition"/> (the log is written from a background queue).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (Lines.FirstOrDefault(condition) is { } line)
            {
                return line;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The portal printed no {what}. It printed:\n{Output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
        if (ListeningAt().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:[1-9][0-9]*")]
    private static partial Regex ListeningAt();
}
