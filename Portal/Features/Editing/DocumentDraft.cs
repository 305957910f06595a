using System.ComponentModel.DataAnnotations;
using Portal.Data.Entities;

namespace Portal.Features.Editing;

/// <summary>
/// What an editor fills in to register or edit a document. Also the shape of the audit log's before
/// and after values, so a history entry shows exactly what the form held.
/// </summary>
public sealed class DocumentDraft
{
    /// <summary>One or more symbols (a joint document), separated by an en dash, a hyphen or a space.</summary>
    [Required(ErrorMessage = "Enter the document's symbol, e.g. A/80/123.")]
    [StringLength(200)]
    public string Symbols { get; set; } = "";

    public DocumentKind Kind { get; set; } = DocumentKind.Letter;

    public Distribution Distribution { get; set; } = Distribution.General;

    /// <summary>For a Restricted document: the member states whose delegations may read it, separated by commas.</summary>
    [StringLength(2000)]
    public string? MemberStates { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? DatedOn { get; set; }

    [RegularExpression("^(ar|zh|en|fr|ru|es)$", ErrorMessage = "Choose one of the six official languages.")]
    public string? OriginalLanguage { get; set; } = "en";

    [StringLength(200)]
    public string? Sender { get; set; }

    [StringLength(200)]
    public string? Addressee { get; set; }

    /// <summary>Agenda items as "GA/75/71" or "SC/2021/1", separated by commas; they must exist.</summary>
    [StringLength(1000)]
    public string? AgendaItems { get; set; }

    public List<VersionDraft> Versions { get; set; } = [new()];

    public IReadOnlyList<string> MemberStateList() =>
        [.. (MemberStates ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> AgendaItemList() =>
        [.. (AgendaItems ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>One language version: its title and its Markdown body.</summary>
public sealed class VersionDraft
{
    [RegularExpression("^(ar|zh|en|fr|ru|es)$", ErrorMessage = "Choose one of the six official languages.")]
    public string Language { get; set; } = "en";

    [Required(ErrorMessage = "Enter the title in this language.")]
    [StringLength(1000)]
    public string Title { get; set; } = "";

    [StringLength(2_000_000)]
    public string Body { get; set; } = "";
}
