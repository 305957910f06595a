using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Features.Ingestion;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// Every fixture (English, French, Spanish, Russian and Arabic: letters, a note verbale, identical letters,
/// a revision, a reissue, GA-only, SC-only, many agenda items, a noisy mirror copy) gives exactly its
/// expected record, read as text, as a Word file and as a Chromium-printed PDF.
/// </summary>
public sealed class FixtureExtractionTests
{
    public static readonly string[] Fields =
    [
        "symbols", "distribution", "date", "original_language", "language", "session", "sc_year", "agenda_items", "kind", "title",
        "letter_date", "sender", "addressee", "signatories", "annexes", "footnote_count", "referenced_symbols", "replies_to",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in IngestionFixtureFiles.Names)
        {
            foreach (var format in new[] { IngestionFixtureFiles.Text, IngestionFixtureFiles.Docx, IngestionFixtureFiles.Pdf })
            {
                data.Add(name, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryFieldIsRight(string name, string format)
    {
        var path = await IngestionFixtureFiles.PathAsync(name, format);

        var record = await ExtractCommand.ExtractFileAsync(new DocumentReading(), path, TestContext.Current.CancellationToken);

        var actual = JsonSerializer.SerializeToNode(record, ExtractCommand.Json)!.AsObject();
        var expected = IngestionFixtureFiles.Expected(name);
        var wrong = Fields.Where(f => !SameField(f, actual[f], expected[f]))
            .Select(f => $"{f}: expected {expected[f]?.ToJsonString(ExtractCommand.Json) ?? "null"}, got {actual[f]?.ToJsonString(ExtractCommand.Json) ?? "null"}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{name} ({format}):\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// Fields compare exactly, except that cited symbols are a set: a Word file keeps its footnotes apart, so a
    /// symbol cited in a footnote comes later than in the printed text.
    /// </summary>
    public static bool SameField(string field, JsonNode? actual, JsonNode? expected) =>
        field == "referenced_symbols" && actual is JsonArray a && expected is JsonArray e
            ? a.Select(n => (string)n!).Order().SequenceEqual(e.Select(n => (string)n!).Order())
            : JsonNode.DeepEquals(actual, expected);

    [Fact]
    public void ASubsidiaryBodysSessionIsNotTakenForTheGeneralAssemblys()
    {
        var text = "United Nations A/HRC/46/62\nHuman Rights Council\nForty-sixth session\n22 February–23 March 2021\nAgenda item 4\n"
            + "Human rights situations that require the Council’s attention\nDistr.: General\n5 March 2021\nOriginal: English\n"
            + "  Note verbale dated 1 March 2021 from the Permanent Mission of Armenia to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights\n"
            + "  The Permanent Mission of Armenia presents its compliments to the Office of the High Commissioner.";

        var record = DocumentExtractor.Extract(new IngestedText("text", [text]));

        Assert.Equal(["A/HRC/46/62"], record.Symbols);
        Assert.Null(record.Session);
        Assert.Equal("note_verbale", record.Kind);
        Assert.Equal("Armenia", record.Sender);
        Assert.Equal(new DateOnly(2021, 3, 5), record.Date);
    }

    [Fact]
    public async Task LowConfidenceFieldsAreMarkedAndUnknownOnesAreNull()
    {
        var record = DocumentExtractor.Extract(new IngestedText("text", [await File.ReadAllTextAsync(IngestionFixtureFiles.TextPath("es-letter-security-council"))]));

        // An SC-only letter states no GA session: null, not a guess; its SC year comes from the symbol, so it is marked.
        Assert.Null(record.Session);
        Assert.Equal(0, record.Confidence["session"]);
        Assert.Equal(76, record.ScYear);
        Assert.Contains("sc_year", record.UncertainFields);
        Assert.DoesNotContain("title", record.UncertainFields);
    }
}
