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
    [Required(ErrorMessageResourceType = typeof(EditorValidationText), ErrorMessageResourceName = nameof(EditorValidationText.EnterSymbol))]
    [StringLength(200)]
    public string Symbols { get; set; } = "";

    public DocumentKind Kind { get; set; } = DocumentKind.Letter;

    public Distribution Distribution { get; set; } = Distribution.General;

    /// <summary>For a Restricted document: the member states whose delegations may read it, separated by commas.</summary>
    [StringLength(2000)]
    public string? MemberStates { get; set; }

    /// <summary>For a Restricted or Limited document: the day it becomes General, applied by a background job.</summary>
    public DateOnly? DerestrictOn { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? DatedOn { get; set; }

    [RegularExpression("^(ar|zh|en|fr|ru|es)$", ErrorMessageResourceType = typeof(EditorValidationText), ErrorMessageResourceName = nameof(EditorValidationText.ChooseLanguage))]
    public string? OriginalLanguage { get; set; } = "en";

    [StringLength(200)]
    public string? Sender { get; set; }

    [StringLength(200)]
    public string? Addressee { get; set; }

    /// <summary>Agenda items as "GA/75/71" or "SC/2021/1", separated by commas; they must exist.</summary>
    [StringLength(1000)]
    public string? AgendaItems { get; set; }

    public List<VersionDraft> Versions { get; set; } = [new()];

    /// <summary>The documents this one cites, by symbol; a symbol the portal does not hold yet is allowed.</summary>
    public List<ReferenceDraft> References { get; set; } = [];

    public IReadOnlyList<string> MemberStateList() =>
        [.. (MemberStates ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Every text field of the form, under the name the editor's errors give it (a footnote's links are not in the form).</summary>
    public IEnumerable<(string Field, string? Text)> TextFields()
    {
        yield return (nameof(Symbols), Symbols);
        yield return (nameof(MemberStates), MemberStates);
        yield return (nameof(Sender), Sender);
        yield return (nameof(Addressee), Addressee);
        yield return (nameof(AgendaItems), AgendaItems);
        foreach (var (version, v) in Versions.Select((x, i) => (x, i)))
        {
            var prefix = $"{nameof(Versions)}[{v}]";
            yield return ($"{prefix}.{nameof(VersionDraft.Title)}", version.Title);
            yield return ($"{prefix}.{nameof(VersionDraft.Body)}", version.Body);
            foreach (var (annex, i) in version.Annexes.Select((x, i) => (x, i)))
            {
                var field = $"{prefix}.{nameof(VersionDraft.Annexes)}[{i}]";
                yield return ($"{field}.{nameof(AnnexDraft.Heading)}", annex.Heading);
                yield return ($"{field}.{nameof(AnnexDraft.Title)}", annex.Title);
                yield return ($"{field}.{nameof(AnnexDraft.Body)}", annex.Body);
            }
            foreach (var (signatory, i) in version.Signatories.Select((x, i) => (x, i)))
            {
                var field = $"{prefix}.{nameof(VersionDraft.Signatories)}[{i}]";
                yield return ($"{field}.{nameof(SignatoryDraft.Name)}", signatory.Name);
                yield return ($"{field}.{nameof(SignatoryDraft.Function)}", signatory.Function);
            }
            foreach (var (footnote, i) in version.Footnotes.Select((x, i) => (x, i)))
            {
                var field = $"{prefix}.{nameof(VersionDraft.Footnotes)}[{i}]";
                yield return ($"{field}.{nameof(FootnoteDraft.Text)}", footnote.Text);
            }
        }
        foreach (var (reference, i) in References.Select((x, i) => (x, i)))
        {
            yield return ($"{nameof(References)}[{i}].{nameof(ReferenceDraft.Symbol)}", reference.Symbol);
        }
    }

    public IReadOnlyList<string> AgendaItemList() =>
        [.. (AgendaItems ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>One language version: its title, its Markdown body, and its annexes, signatures and footnotes.</summary>
public sealed class VersionDraft
{
    [RegularExpression("^(ar|zh|en|fr|ru|es)$", ErrorMessageResourceType = typeof(EditorValidationText), ErrorMessageResourceName = nameof(EditorValidationText.ChooseLanguage))]
    public string Language { get; set; } = "en";

    [Required(ErrorMessageResourceType = typeof(EditorValidationText), ErrorMessageResourceName = nameof(EditorValidationText.EnterTitle))]
    [StringLength(1000)]
    public string Title { get; set; } = "";

    [StringLength(2_000_000)]
    public string Body { get; set; } = "";

    public List<AnnexDraft> Annexes { get; set; } = [];

    public List<SignatoryDraft> Signatories { get; set; } = [];

    public List<FootnoteDraft> Footnotes { get; set; } = [];
}

/// <summary>An annex, numbered by its place in the list (1, 2, …); an enclosure names the annex it is enclosed in.</summary>
public sealed class AnnexDraft
{
    [StringLength(1000)]
    public string Heading { get; set; } = "";

    [StringLength(1000)]
    public string? Title { get; set; }

    [StringLength(2_000_000)]
    public string Body { get; set; } = "";

    /// <summary>The number of the annex this one is enclosed in, or null for an annex of the letter.</summary>
    public int? EnclosureOf { get; set; }
}

/// <summary>A signature block: on the letter (<see cref="Annex"/> null) or on the annex with that number.</summary>
public sealed class SignatoryDraft
{
    [StringLength(300)]
    public string Name { get; set; } = "";

    /// <summary>Title and function lines, one per line.</summary>
    [StringLength(1000)]
    public string? Function { get; set; }

    public bool Signed { get; set; } = true;

    public int? Annex { get; set; }
}

/// <summary>A footnote with the number the document gives it; the body calls it with <c>[^N]</c>.</summary>
public sealed class FootnoteDraft
{
    public int Number { get; set; } = 1;

    [StringLength(10_000)]
    public string Text { get; set; } = "";

    public int? Annex { get; set; }

    /// <summary>Links the footnote cites, kept as stored (not edited in the form).</summary>
    public List<string> Urls { get; set; } = [];
}

/// <summary>A citation of another document by symbol, with what this document does to it.</summary>
public sealed class ReferenceDraft
{
    public ReferenceRelation Relation { get; set; } = ReferenceRelation.RefersTo;

    [StringLength(200)]
    public string Symbol { get; set; } = "";
}
