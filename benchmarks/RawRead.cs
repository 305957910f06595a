// Baseline for benchmarks/downloads.sh: reads files "raw", start to end, into one reused buffer,
// the way a server copies them out (no HTTP, no ZIP). Prints the median seconds of the runs.
// Usage: dotnet run -c Release benchmarks/RawRead.cs -- <runs> <file list>
using System.Diagnostics;
using System.Globalization;

var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var files = File.ReadAllLines(args[1]).Where(l => l.Length > 0).ToArray();
var buffer = new byte[128 * 1024];
var times = new List<double>();
long total = 0;
for (var run = 0; run <= runs; run++)
{
    var clock = Stopwatch.StartNew();
    total = 0;
    foreach (var path in files)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            total += read;
        }
    }
    if (run > 0)
    {
        times.Add(clock.Elapsed.TotalSeconds); // run 0 warms the page cache and the JIT
    }
}
times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2]:F4} {total}"));
