using System.Text;
using Markdig;
using Portal.Features.Documents;

namespace Portal.Features.Rendering;

/// <summary>
/// The structured text of a language version as one Markdown file (header, title, body, signatures,
/// footnotes, annexes, job number) and as plain text derived from it, for the .md and .txt downloads.
/// </summary>
public static class DocumentText
{
    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static string ToMarkdown(PrintedDocument document)
    {
        var text = new StringBuilder();
        // The header as the page prints it, in the version's own wording (HeaderText).
        var header = HeaderText.For(document.Language);
        text.Append(header.UnitedNations);
        foreach (var organ in document.Sessions.Select(s => s.Organ).Distinct())
        {
            text.Append(" · ").Append(header.Organs[organ]);
        }
        text.Append("  \n");
        if (document.SymbolText.Length > 0)
        {
            text.Append("**").Append(document.SymbolText).Append("**  \n");
        }
        text.Append(header.Distributions[document.Distribution]).Append("  \n");
        text.Append((document.IssuedOn ?? document.DatedOn) is { } date ? header.Date(date) : header.NotStated).Append("  \n");
        if (header.VersionLine is { } versionLine)
        {
            text.Append(versionLine).Append("  \n");
        }
        text.Append(header.OriginalLine(document.OriginalLanguage)).Append("  \n");
        foreach (var session in document.Sessions)
        {
            text.Append(header.SessionLine(session.Organ, session.Number)).Append("  \n");
        }
        if (document.AgendaItems.Count > 0)
        {
            text.Append(header.AgendaLine(document.AgendaItems.Select(a => a.Label).ToList())).Append("  \n");
            foreach (var item in document.AgendaItems)
            {
                text.Append(item.Label).Append(". ").Append(item.Title).Append("  \n");
            }
        }
        text.Append("\n---\n\n# ").Append(document.Title).Append("\n\n");
        AppendPart(text, document.BodyMarkdown, document.Signatories, document.Footnotes, document.Language);
        AppendAnnexes(text, document, null, 2);
        if (document.JobNumber is { } job)
        {
            text.Append("\n---\n\n").Append(job).Append('\n');
        }
        return text.ToString();
    }

    public static string ToPlainText(PrintedDocument document) =>
        Markdown.ToPlainText(ToMarkdown(document), PlainTextPipeline);

    private static void AppendAnnexes(StringBuilder text, PrintedDocument document, int? parentId, int level)
    {
        foreach (var annex in document.Annexes.Where(a => a.ParentId == parentId))
        {
            text.Append('\n').Append(new string('#', level)).Append(' ').Append(annex.Heading).Append("\n\n");
            if (!string.IsNullOrWhiteSpace(annex.Title))
            {
                text.Append("**").Append(annex.Title).Append("**\n\n");
            }
            AppendPart(text, annex.BodyMarkdown, annex.Signatories, annex.Footnotes, document.Language);
            AppendAnnexes(text, document, annex.Id, Math.Min(level + 1, 6));
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
