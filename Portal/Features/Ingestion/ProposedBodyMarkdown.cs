using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>
/// The body as Markdown: printed lines joined back into paragraphs, annex headings as headings, footnotes
/// as <c>[^n]</c> definitions with their markers in the text turned into references.
/// </summary>
public static partial class ProposedBodyMarkdown
{
    public static string Build(IReadOnlyList<DocumentExtractor.Section> sections, IReadOnlyList<ProposedFootnote> footnotes, HashSet<int> footnoteLines, IReadOnlyList<string> body, bool linesAreParagraphs)
    {
        var paragraphs = new List<string>();
        foreach (var section in sections)
        {
            if (section.Heading is not null)
            {
                paragraphs.Add("## " + section.Heading);
                if (section.Title is not null && section.Title != section.Heading)
                {
                    paragraphs.Add("### " + section.Title);
                }
            }
            var lines = section.Lines.Where((_, k) => !footnoteLines.Contains(section.Start + k)).ToList();
            paragraphs.AddRange(linesAreParagraphs ? lines.Select(l => l.Trim()).Where(l => l.Length > 0) : Paragraphs(lines));
        }
        var next = 0;
        for (var p = 0; p < paragraphs.Count && next < footnotes.Count; p++)
        {
            // Markers are found in order: the next footnote's number right after a word or punctuation.
            while (next < footnotes.Count)
            {
                var marker = new Regex(@"(?<=[\p{L}\p{P}])" + footnotes[next].Number + @"(?=[\s\p{P}]|$)");
                var m = marker.Match(paragraphs[p]);
                if (!m.Success || paragraphs[p].StartsWith('#'))
                {
                    break;
                }
                paragraphs[p] = paragraphs[p][..m.Index] + $"[^{footnotes[next].Number}]" + paragraphs[p][(m.Index + m.Length)..];
                next++;
            }
        }
        var markdown = new StringBuilder(string.Join("\n\n", paragraphs.Select(Escape)));
        foreach (var note in footnotes)
        {
            markdown.Append($"\n\n[^{note.Number}]: {note.Text}");
        }
        return markdown.ToString().Trim();
    }

    /// <summary>
    /// Printed lines back into paragraphs. Text from a PDF is often double-spaced (a blank line after every
    /// printed line), so blank lines only separate paragraphs when most lines are not followed by one;
    /// otherwise an indented line, or a short line ending a sentence, marks the break.
    /// </summary>
    private static IEnumerable<string> Paragraphs(IReadOnlyList<string> lines)
    {
        var nonEmpty = lines.Count(l => l.Trim().Length > 0);
        var followedByBlank = lines.Where((l, k) => l.Trim().Length > 0 && k + 1 < lines.Count && lines[k + 1].Trim().Length == 0).Count();
        var doubleSpaced = nonEmpty > 4 && followedByBlank > nonEmpty * 0.6;
        var typical = lines.Where(l => l.Trim().Length > 0).Select(l => l.Trim().Length).DefaultIfEmpty(0).OrderBy(n => n).ElementAt(nonEmpty / 2 > 0 ? nonEmpty / 2 : 0);
        var current = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (!doubleSpaced && current.Count > 0)
                {
                    yield return IngestionText.JoinWrapped(current);
                    current.Clear();
                }
                continue;
            }
            var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            var previousEnded = current.Count > 0 && current[^1].Trim() is var last && (SentenceEnd().IsMatch(last) && last.Length < typical * 0.8 || SignatureRules.HasMarker(last));
            if (current.Count > 0 && (indented || previousEnded || SignatureRules.HasMarker(trimmed)))
            {
                yield return IngestionText.JoinWrapped(current);
                current.Clear();
            }
            current.Add(trimmed);
        }
        if (current.Count > 0)
        {
            yield return IngestionText.JoinWrapped(current);
        }
    }

    // A paragraph that starts like a Markdown list or heading is not one.
    private static string Escape(string paragraph) =>
        paragraph.StartsWith("##", StringComparison.Ordinal) ? paragraph : MarkdownStart().Replace(paragraph, @"\$1");

    [GeneratedRegex(@"[.。:;!?)]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^([#>*+-]|\d+\.)")]
    private static partial Regex MarkdownStart();
}
