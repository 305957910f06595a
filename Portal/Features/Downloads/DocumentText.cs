using System.Globalization;
using System.Text;
using Markdig;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Features.Sessions;

namespace Portal.Features.Downloads;

/// <summary>
/// The structured text of a language version as one Markdown file (header, title, body, signatures,
/// footnotes, annexes, job number) and as plain text derived from it, for the .md and .txt downloads.
/// </summary>
public static class DocumentText
{
    private static readonly CultureInfo DateCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static string ToMarkdown(DocumentDetail detail)
    {
        var text = new StringBuilder();
        var organs = string.Join(", ", detail.Sessions.Select(s => s.Organ).Distinct().Select(SessionNames.OrganName));
        text.Append("United Nations");
        if (organs.Length > 0)
        {
            text.Append(" · ").Append(organs);
        }
        text.Append("  \n");
        if (detail.SymbolText.Length > 0)
        {
            text.Append("**").Append(detail.SymbolText).Append("**  \n");
        }
        text.Append("Distr.: ").Append(detail.Distribution).Append("  \n");
        text.Append("Date: ").Append(DateLine(detail)).Append("  \n");
        if (detail.OriginalLanguage is { } original)
        {
            text.Append("Original: ").Append(UnLanguage.FromCode(original).EnglishName).Append("  \n");
        }
        foreach (var session in detail.Sessions)
        {
            text.Append(DocumentHeader.SessionLine(session)).Append("  \n");
        }
        if (detail.AgendaItems.Count > 0)
        {
            text.Append(detail.AgendaItems.Count == 1 ? "Agenda item " : "Agenda items ")
                .Append(DocumentHeader.NumberList(detail.AgendaItems.Select(a => a.Number.ToString(CultureInfo.InvariantCulture)).ToList()))
                .Append("  \n");
            foreach (var item in detail.AgendaItems)
            {
                text.Append(item.Number).Append(". ").Append(item.Title).Append("  \n");
            }
        }
        text.Append("\n---\n\n# ").Append(detail.Title).Append("\n\n");
        AppendPart(text, detail.BodyMarkdown, detail.Signatories, detail.Footnotes, detail.Language);
        AppendAnnexes(text, detail, null, 2);
        if (detail.JobNumber is { } job)
        {
            text.Append("\n---\n\n").Append(job).Append('\n');
        }
        return text.ToString();
    }

    public static string ToPlainText(DocumentDetail detail) =>
        Markdown.ToPlainText(ToMarkdown(detail), PlainTextPipeline);

    private static void AppendAnnexes(StringBuilder text, DocumentDetail detail, int? parentId, int level)
    {
        foreach (var annex in detail.Annexes.Where(a => a.ParentId == parentId))
        {
            text.Append('\n').Append(new string('#', level)).Append(' ').Append(annex.Heading).Append("\n\n");
            if (!string.IsNullOrWhiteSpace(annex.Title))
            {
                text.Append("**").Append(annex.Title).Append("**\n\n");
            }
            AppendPart(text, annex.BodyMarkdown, annex.Signatories, annex.Footnotes, detail.Language);
            AppendAnnexes(text, detail, annex.Id, Math.Min(level + 1, 6));
        }
    }

    private static void AppendPart(StringBuilder text, string body, IReadOnlyList<SignatoryView> signatories, IReadOnlyList<FootnoteView> footnotes, string language)
    {
        text.Append(body.Trim()).Append("\n\n");
        foreach (var signatory in signatories)
        {
            text.Append(signatory.Signed ? $"{SignedLabel(language)} " : "").Append("**").Append(signatory.Name).Append("**  \n");
            foreach (var line in (signatory.Function ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append(line.Trim()).Append("  \n");
            }
            text.Append('\n');
        }
        if (footnotes.Count > 0)
        {
            text.Append("---\n\n");
            foreach (var footnote in footnotes)
            {
                // A numbered list item, not "[^N]: …", which Markdown would swallow as a link definition.
                text.Append(footnote.Number).Append(". ").Append(footnote.TextMarkdown.Trim()).Append("\n\n");
            }
            text.Append('\n');
        }
    }

    private static string DateLine(DocumentDetail detail) =>
        detail.IssuedOn is { } issued ? issued.ToString("d MMMM yyyy", DateCulture)
        : detail.DatedOn is { } dated ? $"dated {dated.ToString("d MMMM yyyy", DateCulture)}"
        : "not stated";

    public static string SignedLabel(string language) => language switch
    {
        "zh" => "(签名)",
        "fr" => "(Signé)",
        "es" => "(Firmado)",
        "ru" => "(Подпись)",
        "ar" => "(توقيع)",
        _ => "(Signed)",
    };
}
