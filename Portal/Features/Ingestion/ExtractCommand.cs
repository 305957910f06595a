using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Features.Ingestion;

/// <summary>
/// <c>Portal extract &lt;file&gt;</c> prints the proposed record as JSON; <c>Portal extract --dir &lt;folder&gt;</c>
/// prints one JSON line per file (with its <c>file</c> name, or its <c>error</c>). A file that cannot be read
/// gets a sentence on stderr and a non-zero exit code; in a folder the other files are still read.
/// </summary>
public static class ExtractCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Chinese, Arabic and Cyrillic are printed as they are, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "extract";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var reading = new DocumentReading();
        switch (args)
        {
            case ["extract", "--dir", var folder]:
                return await ExtractFolderAsync(reading, folder, output, error, cancellationToken);
            case ["extract", "--text", var textFile]:
                // The text as the reader got it, before any rule ran: for checking a reader on a new kind of file.
                try
                {
                    var text = await reading.ReadFileAsync(textFile, cancellationToken);
                    await output.WriteLineAsync(IngestionText.Normalize(string.Join("\n", text.Pages)));
                    return 0;
                }
                catch (UnreadableDocumentException e)
                {
                    await error.WriteLineAsync($"{textFile}: {e.Message}");
                    return 2;
                }
            case ["extract", var file] when !file.StartsWith("--", StringComparison.Ordinal):
                try
                {
                    var record = await ExtractFileAsync(reading, file, cancellationToken);
                    await output.WriteLineAsync(JsonSerializer.Serialize(record, Indented));
                    return 0;
                }
                catch (UnreadableDocumentException e)
                {
                    await error.WriteLineAsync($"{file}: {e.Message}");
                    return 2;
                }
            default:
                await error.WriteLineAsync("Usage: Portal extract <file>   |   Portal extract --dir <folder>   |   Portal extract --text <file>");
                return 64;
        }
    }

    public static async Task<ProposedRecord> ExtractFileAsync(DocumentReading reading, string path, CancellationToken cancellationToken)
    {
        var text = await reading.ReadFileAsync(path, cancellationToken);
        return DocumentExtractor.Extract(text);
    }

    private static async Task<int> ExtractFolderAsync(DocumentReading reading, string folder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"{folder}: no such folder.");
            return 2;
        }
        var failed = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            string line;
            try
            {
                var record = await ExtractFileAsync(reading, file, cancellationToken);
                var node = JsonSerializer.SerializeToNode(record, Json)!.AsObject();
                node.Insert(0, "file", name);
                line = node.ToJsonString(Json);
            }
            catch (UnreadableDocumentException e)
            {
                failed++;
                await error.WriteLineAsync($"{name}: {e.Message}");
                line = JsonSerializer.Serialize(new { file = name, error = e.Message }, Json);
            }
            await output.WriteLineAsync(line);
        }
        return failed == 0 ? 0 : 2;
    }
}
