using System.Globalization;

namespace CorpusGenerator;

/// <summary>
/// <c>dotnet run --project tools/CorpusGenerator -c Release -- --documents 1000000 --database data/corpus-1m.db [--seed 42]</c>.
/// Needs no configuration: the schema comes from the portal's migrations, applied to the new file.
/// </summary>
public static class CorpusCommand
{
    // A Main rather than top-level statements: a second global Program class would make the tests'
    // WebApplicationFactory<Program> ambiguous, as Portal.Tests references both projects.
    public static Task<int> Main(string[] args) => RunAsync(args);

    public static async Task<int> RunAsync(string[] args)
    {
        int? documents = null;
        string? database = null;
        var seed = 20_260_101;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--documents" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 5_000_000:
                    documents = n;
                    i++;
                    break;
                case "--database" when !string.IsNullOrWhiteSpace(value):
                    database = Path.GetFullPath(value);
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    return Usage($"Unexpected or invalid argument '{args[i]}'.");
            }
        }
        if (documents is null || database is null)
        {
            return Usage("Both --documents and --database are required.");
        }
        if (File.Exists(database))
        {
            return Usage($"{database} already exists; the generator never overwrites a database. Delete it or choose another path.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            await new SyntheticCorpusGenerator(Console.Out).GenerateAsync(database, documents.Value, seed, cancellation.Token);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; the partial database was left as " + database + ".partial and can be deleted.");
            return 130;
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("Usage: dotnet run --project tools/CorpusGenerator -c Release -- --documents N --database PATH [--seed N]");
        return 2;
    }
}
