using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Portal.Features.Ingestion;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// The figures in BENCHMARKS.md ("Ingestion"): field accuracy over every fixture in the three formats, and
/// documents per second for text, Word and ten-page PDFs on two workers. Explicit: `bash benchmarks/ingestion.sh`
/// runs it; the test suite does not.
/// </summary>
public sealed class IngestionBenchmark
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task MeasureAccuracyAndThroughput()
    {
        var report = new StringBuilder();
        var reading = new DocumentReading();
        var formats = new[] { IngestionFixtureFiles.Text, IngestionFixtureFiles.Docx, IngestionFixtureFiles.Pdf };
        var right = FixtureExtractionTests.Fields.ToDictionary(f => f, _ => 0);
        var total = 0;
        foreach (var name in IngestionFixtureFiles.Names)
        {
            var expected = IngestionFixtureFiles.Expected(name);
            foreach (var format in formats)
            {
                var record = await ExtractCommand.ExtractFileAsync(reading, await IngestionFixtureFiles.PathAsync(name, format), Cancel);
                var actual = JsonSerializer.SerializeToNode(record, ExtractCommand.Json)!.AsObject();
                total++;
                foreach (var field in FixtureExtractionTests.Fields.Where(f => FixtureExtractionTests.SameField(f, actual[f], expected[f])))
                {
                    right[field]++;
                }
            }
        }
        report.AppendLine($"Accuracy: {IngestionFixtureFiles.Names.Count} fixtures x {formats.Length} formats = {total} documents, {FixtureExtractionTests.Fields.Length} fields each");
        foreach (var (field, count) in right)
        {
            report.AppendLine($"  {field,-20} {count}/{total}");
        }
        report.AppendLine($"  overall              {right.Values.Sum()}/{total * right.Count} = {100.0 * right.Values.Sum() / (total * right.Count):0.0}%");

        var texts = IngestionFixtureFiles.Names.Select(IngestionFixtureFiles.TextPath).ToList();
        var docx = IngestionFixtureFiles.Names.Select(IngestionFixtureFiles.DocxPath).ToList();
        var tenPages = await TenPagePdfAsync();
        report.AppendLine($"Throughput, 2 workers: {await PerSecondAsync(reading, texts, 1000):0} text documents/s, {await PerSecondAsync(reading, docx, 500):0} Word documents/s, {await PerSecondAsync(reading, [tenPages], 60):0.0} ten-page PDFs/s");

        var output = Environment.GetEnvironmentVariable("PORTAL_BENCHMARK_OUT") ?? Path.Combine(Path.GetTempPath(), "ingestion-benchmark.txt");
        await File.WriteAllTextAsync(output, report.ToString(), Cancel);
        Assert.True(right.Values.Sum() > 0);
    }

    private static async Task<double> PerSecondAsync(DocumentReading reading, IReadOnlyList<string> files, int documents)
    {
        // Warm up (JIT, regex construction) before the clock starts.
        foreach (var file in files)
        {
            await ExtractCommand.ExtractFileAsync(reading, file, Cancel);
        }
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, documents, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = Cancel }, async (i, token) =>
            await ExtractCommand.ExtractFileAsync(reading, files[i % files.Count], token));
        return documents / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A ten-page letter: the English joint letter's body repeated until Chromium prints ten pages.</summary>
    private static async Task<string> TenPagePdfAsync()
    {
        var text = await File.ReadAllTextAsync(IngestionFixtureFiles.TextPath("en-joint-letter"), Cancel);
        var cut = text.IndexOf("(Signed)", StringComparison.Ordinal);
        var paragraph = string.Concat(Enumerable.Repeat(
            "  The statement recalls the findings of the report of the Secretary-General on oceans and the law of the sea\nand the measures set out in General Assembly resolution 75/239, which remain valid for all States.\n", 10));
        var longText = text[..cut] + string.Concat(Enumerable.Repeat("PAGE-BREAK\n" + paragraph, 8)) + text[cut..];
        var html = IngestionFixtureFiles.Html("en-ten-pages", longText).Replace("<p dir=\"auto\">PAGE-BREAK</p>", "<div style=\"break-after: page\"></div>");
        var path = await IngestionFixtureFiles.PrintHtmlAsync("en-ten-pages", html);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(path))
        {
            Assert.Equal(10, pdf.NumberOfPages);
        }
        return path;
    }
}
