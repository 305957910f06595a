using System.Text.Json.Nodes;

namespace Portal.Tests.Features.Ingestion;

/// <summary>`extract --dir`: one JSON line per file, a bad file reported on its own line without stopping the rest.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-extract-dir", Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AFolderGivesOneJsonLinePerFileAndABadFileDoesNotStopTheOthers()
    {
        File.Copy(IngestionFixtureFiles.SeedPath, Path.Combine(_folder, "a-seed.txt"));
        File.Copy(IngestionFixtureFiles.TextPath("ru-letter-revision"), Path.Combine(_folder, "b-ru.txt"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "c-empty.pdf"), [], TestContext.Current.CancellationToken);
        File.Copy(IngestionFixtureFiles.DocxPath("en-joint-letter"), Path.Combine(_folder, "d-en.docx"));

        var run = await SeedExtractionTests.RunExtractAsync("extract", "--dir", _folder);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["a-seed.txt", "b-ru.txt", "c-empty.pdf", "d-en.docx"], lines.Select(l => (string)l["file"]!));
        Assert.Equal("Armenia", (string?)lines[0]["sender"]);
        Assert.Equal(["A/76/123/Rev.1"], lines[1]["symbols"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("The file is empty.", (string?)lines[2]["error"]);
        Assert.Equal(3, (int?)lines[3]["footnote_count"]);
        Assert.Contains("c-empty.pdf: The file is empty.", run.Error);
        Assert.NotEqual(0, run.ExitCode);
    }
}
