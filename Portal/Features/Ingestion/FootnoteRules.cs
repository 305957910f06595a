using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

public sealed record ProposedFootnote(int Number, string Text);

/// <summary>
/// Footnotes printed under a rule ("__________________") at the foot of a page, numbered in sequence
/// (restarting at 1 in an annex). A number is only taken when it continues the sequence, so a body line
/// that happens to start with a number after a page break is not counted.
/// </summary>
public static partial class FootnoteRules
{
    public static bool IsSeparator(string line) => Separator().IsMatch(line.Trim());

    public static IReadOnlyList<ProposedFootnote> Find(IReadOnlyList<string> lines) => Find(lines, new HashSet<int>());

    /// <summary>The footnotes, and in <paramref name="footnoteLines"/> the indexes of the lines they occupy.</summary>
    public static IReadOnlyList<ProposedFootnote> Find(IReadOnlyList<string> lines, HashSet<int> footnoteLines)
    {
        var notes = new List<ProposedFootnote>();
        var last = 0;
        var inBlock = false;
        var sinceEntry = 0;
        List<string>? current = null;
        int currentNumber = 0;
        void Close()
        {
            if (current is not null)
            {
                notes.Add(new ProposedFootnote(currentNumber, IngestionText.JoinWrapped(current)));
                current = null;
            }
        }
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index].Trim();
            if (IsSeparator(line))
            {
                footnoteLines.Add(index);
                Close();
                inBlock = true;
                sinceEntry = 0;
                continue;
            }
            if (!inBlock || line.Length == 0)
            {
                continue;
            }
            var m = Entry().Match(line);
            if (m.Success && int.Parse(m.Groups["n"].Value) is var n && (n == last + 1 || (n == 1 && last > 0)))
            {
                Close();
                last = n;
                currentNumber = n;
                current = [m.Groups["text"].Value];
                footnoteLines.Add(index);
                sinceEntry = 0;
                continue;
            }
            sinceEntry++;
            // Footnotes wrap over a line or two; past that the page's body has resumed.
            if (current is not null && sinceEntry <= 3 && !PageFurniture.IsUrlOnly(line) && !LooksLikeBody(lines[index]))
            {
                current.Add(line);
                footnoteLines.Add(index);
            }
            else if (sinceEntry > 3)
            {
                Close();
                inBlock = false;
            }
        }
        Close();
        return notes;
    }

    // A paragraph resuming after the footnotes starts indented in the text the PDF gave, or is a heading.
    private static bool LooksLikeBody(string raw) =>
        char.IsWhiteSpace(raw[0]) || AnnexRules.IsHeading(raw) || SignatureRules.HasMarker(raw);

    [GeneratedRegex(@"^(?:_{5,}|-{10,}|\u2014{5,})$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s+(?<text>\S.*)$")]
    private static partial Regex Entry();
}
