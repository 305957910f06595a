using System.Text.RegularExpressions;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Editing;

namespace Portal.Features.Ingestion;

/// <summary>
/// Turns the extractor's proposal into the editor's form (<see cref="DocumentDraft"/>), so an accepted proposal
/// is registered by <see cref="DocumentEditor"/> exactly like a document typed by hand. The body's annex sections
/// become annexes, its footnote definitions footnotes (attached to the section that calls them), signature
/// blocks signatories, and cited symbols references ("replies to" where the text replies).
/// </summary>
public static partial class ProposalDraft
{
    /// <summary>The form fields each of the extractor's confidences is about.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldOf = new Dictionary<string, string>
    {
        ["symbols"] = nameof(DocumentDraft.Symbols),
        ["distribution"] = nameof(DocumentDraft.Distribution),
        ["date"] = nameof(DocumentDraft.IssuedOn),
        ["letter_date"] = nameof(DocumentDraft.DatedOn),
        ["original_language"] = nameof(DocumentDraft.OriginalLanguage),
        ["language"] = "Language",
        ["session"] = nameof(DocumentDraft.AgendaItems),
        ["sc_year"] = nameof(DocumentDraft.AgendaItems),
        ["agenda_items"] = nameof(DocumentDraft.AgendaItems),
        ["kind"] = nameof(DocumentDraft.Kind),
        ["title"] = "Title",
        ["sender"] = nameof(DocumentDraft.Sender),
        ["addressee"] = nameof(DocumentDraft.Addressee),
        ["signatories"] = "Signatories",
        ["annexes"] = "Annexes",
        ["footnote_count"] = "Footnotes",
        ["referenced_symbols"] = nameof(DocumentDraft.References),
        ["replies_to"] = nameof(DocumentDraft.References),
    };

    /// <summary>The form fields an editor must check: those whose proposal is below <see cref="ProposedRecord.CertainEnough"/>.</summary>
    public static IReadOnlySet<string> UncertainFields(IReadOnlyDictionary<string, double> confidence) =>
        confidence.Where(c => c.Value < ProposedRecord.CertainEnough && FieldOf.ContainsKey(c.Key)).Select(c => FieldOf[c.Key]).ToHashSet();

    public static DocumentDraft From(ProposedRecord proposal)
    {
        var language = UnLanguage.TryParse(proposal.Language ?? "", out var read) ? read.Code
            : UnLanguage.TryParse(proposal.OriginalLanguage ?? "", out var original) ? original.Code : "en";
        var sections = Sections(proposal.Body);
        var version = new VersionDraft { Language = language, Title = proposal.Title ?? "", Body = sections[0].Body };
        foreach (var (section, i) in sections.Skip(1).Select((s, i) => (s, i)))
        {
            var proposed = i < proposal.Annexes.Count ? proposal.Annexes[i] : null;
            version.Annexes.Add(new AnnexDraft { Heading = section.Heading ?? "Annex", Title = section.Title ?? proposed?.Title, Body = section.Body });
            version.Signatories.AddRange((proposed?.Signatories ?? []).Select(s => new SignatoryDraft { Name = s.Name, Function = s.Title, Annex = i + 1 }));
        }
        version.Signatories.InsertRange(0, proposal.Signatories.Select(s => new SignatoryDraft { Name = s.Name, Function = s.Title }));
        foreach (var footnote in proposal.Footnotes)
        {
            var calledIn = sections.FindIndex(s => s.Body.Contains($"[^{footnote.Number}]", StringComparison.Ordinal));
            version.Footnotes.Add(new FootnoteDraft { Number = footnote.Number, Text = footnote.Text, Annex = calledIn > 0 ? calledIn : null });
        }
        var replies = proposal.RepliesTo.Select(UnSymbol.KeyOf).ToHashSet();
        var references = proposal.RepliesTo.Select(s => new ReferenceDraft { Relation = ReferenceRelation.RepliesTo, Symbol = s })
            .Concat(proposal.ReferencedSymbols.Where(s => !replies.Contains(UnSymbol.KeyOf(s))).Select(s => new ReferenceDraft { Relation = ReferenceRelation.RefersTo, Symbol = s }))
            .ToList();
        return new DocumentDraft
        {
            Symbols = UnSymbol.Join(proposal.Symbols ?? []),
            Kind = proposal.Kind switch
            {
                TitleLineRules.Letter or TitleLineRules.IdenticalLetters => DocumentKind.Letter,
                TitleLineRules.NoteVerbale => DocumentKind.NoteVerbale,
                TitleLineRules.Report => DocumentKind.Report,
                null => DocumentKind.Letter,
                _ => DocumentKind.Other,
            },
            Distribution = Enum.TryParse<Distribution>(proposal.Distribution, ignoreCase: true, out var distribution) ? distribution : Distribution.General,
            IssuedOn = proposal.Date,
            DatedOn = proposal.LetterDate,
            OriginalLanguage = UnLanguage.TryParse(proposal.OriginalLanguage ?? "", out var originalLanguage) ? originalLanguage.Code : null,
            Sender = proposal.Sender,
            Addressee = proposal.Addressee,
            AgendaItems = string.Join(", ", AgendaItemKeys(proposal)),
            Versions = [version],
            References = references,
        };
    }

    /// <summary>
    /// The agenda items as the editor writes them (GA/75/71): the General Assembly's session when the document
    /// has one, else the Security Council's year. Sub-items are kept on the item (79 (a) is item 79).
    /// </summary>
    public static IEnumerable<string> AgendaItemKeys(ProposedRecord proposal)
    {
        var prefix = proposal.Session is { } session ? $"GA/{session}/" : proposal.ScYear is { } year ? $"SC/{year}/" : null;
        return prefix is null ? [] : proposal.AgendaItems.Select(a => prefix + a.Number + (a.SubItem is null ? "" : $" ({a.SubItem})")).Distinct();
    }

    private sealed record Section(string? Heading, string? Title, string Body);

    /// <summary>The letter, then each annex: the body Markdown split at its "## " headings, footnote definitions left out.</summary>
    private static List<Section> Sections(string markdown)
    {
        var sections = new List<Section>();
        string? heading = null;
        string? title = null;
        var paragraphs = new List<string>();
        void Close() => sections.Add(new Section(heading, title, string.Join("\n\n", paragraphs).Trim()));
        foreach (var paragraph in markdown.Split("\n\n"))
        {
            if (FootnoteDefinition().IsMatch(paragraph))
            {
                continue;
            }
            if (paragraph.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                heading = paragraph[3..].Trim();
                title = null;
                paragraphs = [];
            }
            else if (paragraph.StartsWith("### ", StringComparison.Ordinal) && heading is not null && title is null && paragraphs.Count == 0)
            {
                title = paragraph[4..].Trim();
            }
            else
            {
                paragraphs.Add(paragraph);
            }
        }
        Close();
        return sections;
    }

    [GeneratedRegex(@"^\[\^\d+\]:")]
    private static partial Regex FootnoteDefinition();
}
