using System.Text.Json.Serialization;

namespace Portal.Features.Ingestion;

public sealed record ProposedAgendaItem(int Number, string? SubItem, string? Title);

public sealed record ProposedAnnex(string? Title, IReadOnlyList<ProposedSignatory> Signatories);

/// <summary>
/// What the extractor proposes for one document, for an editor to review. Every field is null when the
/// text does not say it clearly; <see cref="Confidence"/> says how sure each proposal is (0–1), and
/// <see cref="UncertainFields"/> lists those an editor must look at. Serialised in snake_case for the
/// command line (<c>extract</c>).
/// </summary>
public sealed record ProposedRecord
{
    /// <summary>Below this a proposed field is marked for the editor.</summary>
    public const double CertainEnough = 0.75;

    public IReadOnlyList<string>? Symbols { get; init; }
    public string? Distribution { get; init; }
    public DateOnly? Date { get; init; }
    public string? OriginalLanguage { get; init; }
    public string? Language { get; init; }
    public int? Session { get; init; }
    public int? ScYear { get; init; }
    public IReadOnlyList<ProposedAgendaItem> AgendaItems { get; init; } = [];
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public DateOnly? LetterDate { get; init; }
    public string? Sender { get; init; }
    public string? Addressee { get; init; }
    public IReadOnlyList<ProposedSignatory> Signatories { get; init; } = [];
    public IReadOnlyList<ProposedAnnex> Annexes { get; init; } = [];
    public int? FootnoteCount { get; init; }
    public IReadOnlyList<string> ReferencedSymbols { get; init; } = [];
    public IReadOnlyList<string> RepliesTo { get; init; } = [];
    public IReadOnlyDictionary<string, double> Confidence { get; init; } = new Dictionary<string, double>();

    /// <summary>The text as Markdown: paragraphs kept, page furniture removed, footnotes as <c>[^n]</c> definitions.</summary>
    [JsonIgnore]
    public string Body { get; init; } = "";

    [JsonIgnore]
    public IReadOnlyList<ProposedFootnote> Footnotes { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<string> UncertainFields => Confidence.Where(c => c.Value < CertainEnough).Select(c => c.Key);
}
