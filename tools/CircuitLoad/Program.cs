using System.Diagnostics;
using CircuitLoad;

// Usage: dotnet CircuitLoad.dll <page url> <count> [--parallel N] [--timeout SECONDS] [--trace]
// Opens <count> real Blazor circuits on the page (a few at a time), prints "open N failed F" once each has rendered
// or failed, holds them until a line arrives on stdin, prints how many are still healthy, closes them as closing tabs
// do and prints "closed". Bounded: the opening phase stops at --timeout (default 900 s). Loopback only.
if (args.Length < 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var page) || !int.TryParse(args[1], out var count) || count < 1)
{
    Console.Error.WriteLine("usage: CircuitLoad <page url> <count> [--parallel N] [--timeout SECONDS] [--trace]");
    return 2;
}
if (!page.IsLoopback)
{
    Console.Error.WriteLine("CircuitLoad opens circuits on this machine only (127.0.0.1, localhost).");
    return 2;
}
var parallel = Option("--parallel", 8);
var timeout = TimeSpan.FromSeconds(Option("--timeout", 900));
var trace = args.Contains("--trace");

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
using var opening = new CancellationTokenSource(timeout);
var circuits = new BlazorCircuit?[count];
var failures = 0;
var clock = Stopwatch.StartNew();
await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
{
    try
    {
        circuits[i] = await BlazorCircuit.OpenAsync(http, page, opening.Token,
            trace && i == 0 ? line => Console.Error.WriteLine($"circuit 0: {line}") : null);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        if (Interlocked.Increment(ref failures) <= 10)
        {
            Console.Error.WriteLine($"circuit {i}: {e.GetType().Name}: {e.Message}");
        }
    }
    var done = i + 1;
    if (done % 100 == 0)
    {
        Console.Error.WriteLine($"{done} attempted, {Volatile.Read(ref failures)} failed, {clock.Elapsed.TotalSeconds:F0} s");
    }
});
var open = circuits.OfType<BlazorCircuit>().ToList();
var batches = open.Sum(c => c.RenderBatches);
Console.WriteLine($"open {open.Count} failed {failures} in {clock.Elapsed.TotalSeconds:F0} s, {batches} render batches");

Console.ReadLine();
var broken = open.Where(c => c.Error is not null).ToList();
Console.WriteLine($"healthy {open.Count - broken.Count} broken {broken.Count}{(broken.Count > 0 ? ": " + broken[0].Error : "")}");
await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (circuit, _) => await circuit.DisposeAsync());
Console.WriteLine("closed");
return failures == 0 && broken.Count == 0 ? 0 : 1;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}
