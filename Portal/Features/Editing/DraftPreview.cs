using Portal.Domain;
using Portal.Features.Documents;

namespace Portal.Features.Editing;

/// <summary>A draft's language version as a <see cref="PrintedDocument"/>, for the preview beside the form.</summary>
internal static class DraftPreview
{
    public static PrintedDocument Print(DocumentDraft draft, VersionDraft version)
    {
        var annexCount = version.Annexes.Count;
        int? Valid(int? number) => number is { } n && n >= 1 && n <= annexCount ? n : null;
        var annexes = version.Annexes.Select((a, i) => new AnnexView(
            Id: i + 1,
            Position: i + 1,
            ParentId: a.EnclosureOf is { } parent && parent >= 1 && parent <= i ? parent : null,
            a.Heading,
            a.Title,
            a.Body,
            version.Signatories.Where(s => Valid(s.Annex) == i + 1).Select(Signatory).ToList(),
            version.Footnotes.Where(f => Valid(f.Annex) == i + 1).OrderBy(f => f.Number).Select(Footnote).ToList())).ToList();
        return new PrintedDocument(
            Id: 0,
            Symbols: [.. UnSymbol.ParseJoint(draft.Symbols).Select(s => s.Value)],
            draft.Distribution,
            draft.IssuedOn,
            draft.DatedOn,
            draft.OriginalLanguage,
            Sessions: [],
            AgendaItems: [],
            UnLanguage.TryParse(version.Language, out var language) ? language.Code : UnLanguage.English.Code,
            version.Title,
            version.Body,
            JobNumber: null,
            version.Signatories.Where(s => Valid(s.Annex) is null).Select(Signatory).ToList(),
            version.Footnotes.Where(f => Valid(f.Annex) is null).OrderBy(f => f.Number).Select(Footnote).ToList(),
            annexes);
    }

    private static SignatoryView Signatory(SignatoryDraft s) => new(s.Name, s.Function?.ReplaceLineEndings("\n"), s.Signed);

    private static FootnoteView Footnote(FootnoteDraft f) => new(f.Number, f.Text, f.Urls);
}
