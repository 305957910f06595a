using System.Text.Json;
using Portal.Data.Entities;
using Portal.Localization;
using Portal.Domain;

namespace Portal.Features.Editing;

/// <summary>
/// A language version's annexes, signatures and footnotes between the form (<see cref="VersionDraft"/>) and
/// the rows: checked field by field, read from the rows, and written back only when the editor changed them.
/// Annexes are numbered 1, 2, … in list order, as <see cref="Annex.Position"/> numbers them on the page.
/// </summary>
internal static class VersionContent
{
    public static void Validate(VersionDraft version, string prefix, Dictionary<string, string> errors)
    {
        var annexCount = version.Annexes.Count;
        foreach (var (annex, i) in version.Annexes.Select((a, i) => (a, i)))
        {
            var field = $"{prefix}.Annexes[{i}]";
            if (string.IsNullOrWhiteSpace(annex.Heading))
            {
                errors[$"{field}.Heading"] = InterfaceText.Get("EditErrAnnexHeading");
            }
            if (annex.EnclosureOf is { } parent && (parent < 1 || parent > i))
            {
                errors[$"{field}.EnclosureOf"] = InterfaceText.Get("EditErrEnclosureOrder");
            }
        }
        foreach (var (signatory, i) in version.Signatories.Select((s, i) => (s, i)))
        {
            var field = $"{prefix}.Signatories[{i}]";
            if (string.IsNullOrWhiteSpace(signatory.Name))
            {
                errors[$"{field}.Name"] = InterfaceText.Get("EditErrSignatoryName");
            }
            if (signatory.Annex is { } number && (number < 1 || number > annexCount))
            {
                errors[$"{field}.Annex"] = InterfaceText.Format("EditErrNoAnnex", number);
            }
        }
        foreach (var (footnote, i) in version.Footnotes.Select((f, i) => (f, i)))
        {
            var field = $"{prefix}.Footnotes[{i}]";
            if (footnote.Number < 1 || footnote.Number > 9999)
            {
                errors[$"{field}.Number"] = InterfaceText.Get("EditErrFootnoteNumber");
            }
            else if (version.Footnotes.Take(i).Any(f => f.Number == footnote.Number && f.Annex == footnote.Annex))
            {
                errors[$"{field}.Number"] = InterfaceText.Format("EditErrFootnoteTaken", footnote.Number);
            }
            if (string.IsNullOrWhiteSpace(footnote.Text))
            {
                errors[$"{field}.Text"] = InterfaceText.Get("EditErrFootnoteText");
            }
            if (footnote.Annex is { } number && (number < 1 || number > annexCount))
            {
                errors[$"{field}.Annex"] = InterfaceText.Format("EditErrNoAnnex", number);
            }
        }
    }

    public static void ValidateReferences(IReadOnlyList<ReferenceDraft> references, Dictionary<string, string> errors)
    {
        foreach (var (reference, i) in references.Select((r, i) => (r, i)))
        {
            if (UnSymbol.ParseJoint(reference.Symbol).Count == 0)
            {
                errors[$"References[{i}].Symbol"] = InterfaceText.Format("EditErrReferenceSymbol", Infrastructure.InputEcho.Shorten(reference.Symbol));
            }
            if (!Enum.IsDefined(reference.Relation))
            {
                errors[$"References[{i}].Relation"] = InterfaceText.Get("EditErrReferenceRelation");
            }
        }
    }

    /// <summary>Copies the version's annexes, signatures and footnotes into the draft.</summary>
    public static void Read(LanguageVersion version, VersionDraft draft)
    {
        var annexes = version.Annexes.OrderBy(a => a.Position).ToList();
        int? NumberOf(int? annexId) => annexId is null ? null : annexes.FindIndex(a => a.Id == annexId) + 1;
        draft.Annexes = [.. annexes.Select(a => new AnnexDraft { Heading = a.Heading, Title = a.Title, Body = a.BodyMarkdown, EnclosureOf = NumberOf(a.ParentAnnexId) })];
        draft.Signatories = [.. version.Signatories.OrderBy(s => NumberOf(s.AnnexId) ?? 0).ThenBy(s => s.Position)
            .Select(s => new SignatoryDraft { Name = s.Name, Function = s.Function, Signed = s.Signed, Annex = NumberOf(s.AnnexId) })];
        draft.Footnotes = [.. version.Footnotes.OrderBy(f => NumberOf(f.AnnexId) ?? 0).ThenBy(f => f.Number)
            .Select(f => new FootnoteDraft { Number = f.Number, Text = f.TextMarkdown, Annex = NumberOf(f.AnnexId), Urls = [.. f.Urls] })];
    }

    /// <summary>
    /// Replaces the version's annexes, signatures and footnotes with the draft's when they differ; returns
    /// whether anything changed. The old rows are removed through the context so their ids are not reused.
    /// </summary>
    public static bool Write(Data.PortalDbContext db, LanguageVersion version, VersionDraft draft)
    {
        var stored = new VersionDraft();
        Read(version, stored);
        if (Same(stored, draft))
        {
            return false;
        }
        db.Signatories.RemoveRange(version.Signatories);
        db.Footnotes.RemoveRange(version.Footnotes);
        db.Annexes.RemoveRange(version.Annexes);
        version.Signatories.Clear();
        version.Footnotes.Clear();
        version.Annexes.Clear();
        var annexes = new List<Annex>();
        foreach (var (annex, i) in draft.Annexes.Select((a, i) => (a, i)))
        {
            var row = new Annex
            {
                Position = i + 1,
                Heading = annex.Heading.Trim(),
                Title = string.IsNullOrWhiteSpace(annex.Title) ? null : annex.Title.Trim(),
                BodyMarkdown = annex.Body,
                ParentAnnex = annex.EnclosureOf is { } parent ? annexes[parent - 1] : null,
            };
            annexes.Add(row);
            version.Annexes.Add(row);
        }
        foreach (var group in draft.Signatories.GroupBy(s => s.Annex))
        {
            foreach (var (signatory, position) in group.Select((s, p) => (s, p)))
            {
                version.Signatories.Add(new Signatory
                {
                    Annex = signatory.Annex is { } number ? annexes[number - 1] : null,
                    Position = position,
                    Name = signatory.Name.Trim(),
                    Function = string.IsNullOrWhiteSpace(signatory.Function) ? null : signatory.Function.Trim().ReplaceLineEndings("\n"),
                    Signed = signatory.Signed,
                });
            }
        }
        foreach (var footnote in draft.Footnotes)
        {
            version.Footnotes.Add(new Footnote
            {
                Annex = footnote.Annex is { } number ? annexes[number - 1] : null,
                Number = footnote.Number,
                TextMarkdown = footnote.Text.Trim(),
                Urls = [.. footnote.Urls],
            });
        }
        return true;
    }

    /// <summary>Replaces the document's citations with the draft's when they differ (the relation and the symbol as written).</summary>
    public static void WriteReferences(Document document, IReadOnlyList<ReferenceDraft> references)
    {
        var wanted = references.Select(r => (r.Relation, Symbol: UnSymbol.Join(UnSymbol.ParseJoint(r.Symbol).Select(p => p.Value)))).ToList();
        if (document.References.OrderBy(r => r.Id).Select(r => (r.Relation, Symbol: r.TargetSymbol)).SequenceEqual(wanted))
        {
            return;
        }
        document.References.Clear();
        foreach (var (relation, symbol) in wanted)
        {
            document.AddReference(relation, symbol);
        }
    }

    private static bool Same(VersionDraft a, VersionDraft b) =>
        JsonSerializer.Serialize(new { a.Annexes, a.Signatories, a.Footnotes }) == JsonSerializer.Serialize(new { b.Annexes, b.Signatories, b.Footnotes });
}
