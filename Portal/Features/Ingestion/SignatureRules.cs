using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

public sealed record ProposedSignatory(string Name, string? Title);

/// <summary>
/// Signature blocks: "(Signed) Name" with the title lines around it. English, Spanish and Arabic print the
/// titles under the name; French, Russian and Chinese above it, so both sides are read, the language's own
/// side first.
/// </summary>
public static partial class SignatureRules
{
    public static bool HasMarker(string line) => Marker().IsMatch(line);

    public static IReadOnlyList<ProposedSignatory> Find(IReadOnlyList<string> lines, string? language)
    {
        var signatories = new List<ProposedSignatory>();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = Marker().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }
            var line = lines[i];
            var name = Clean(line[(m.Index + m.Length)..]);
            var nameBefore = Clean(line[..m.Index]);
            if (name.Length == 0)
            {
                name = nameBefore;
            }
            if (name.Length == 0 && NextNonEmpty(lines, i, +1) is { } next && IsTitleLike(lines[next]))
            {
                name = Clean(lines[next]);
            }
            if (name.Length == 0)
            {
                continue;
            }
            var above = TitleLines(lines, i, -1);
            var below = TitleLines(lines, i, +1).Where(t => t != name).ToList();
            var titlesAbove = language is "fr" or "ru" or "zh";
            var titles = titlesAbove ? (above.Count > 0 ? above : below) : (below.Count > 0 ? below : above);
            signatories.Add(new ProposedSignatory(name, titles.Count > 0 ? string.Join(", ", titles) : null));
        }
        return signatories;
    }

    private static List<string> TitleLines(IReadOnlyList<string> lines, int from, int step)
    {
        var titles = new List<string>();
        var i = from;
        while (titles.Count < 4 && NextNonEmpty(lines, i, step) is { } j && j >= 0 && Math.Abs(j - from) <= 8)
        {
            if (!IsTitleLike(lines[j]))
            {
                break;
            }
            titles.Add(Clean(lines[j]));
            i = j;
        }
        if (step < 0)
        {
            titles.Reverse();
        }
        return titles;
    }

    private static int? NextNonEmpty(IReadOnlyList<string> lines, int from, int step)
    {
        for (var j = from + step; j >= 0 && j < lines.Count; j += step)
        {
            if (lines[j].Trim().Length > 0)
            {
                return j;
            }
        }
        return null;
    }

    private static bool IsTitleLike(string line)
    {
        var t = line.Trim();
        return t.Length is > 1 and <= 90
            && !HasMarker(t)
            && !AnnexRules.IsHeading(t)
            && TitleLineRules.TitleStart(t) < 0
            && !PageFurniture.IsUrlOnly(t)
            && !t.StartsWith("__", StringComparison.Ordinal)
            && !FootnoteStart().IsMatch(t)
            && !SentenceEnd().IsMatch(t);
    }

    private static string Clean(string text) => text.Trim().Trim(',', ':', ';', '،', ' ').Trim();

    [GeneratedRegex(@"\(\s*(?:Signed|Sign[ée]e?|Firmad[oa]|Подпись|Подписано|توقيع|签名|署名)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\d{1,3}\s+\S")]
    private static partial Regex FootnoteStart();

    // Body sentences end with a full stop; titles do not ("a.i." is told apart by its one-letter words).
    [GeneratedRegex(@"(?:\p{L}{2,}|\d)[.。]$|[。！？]$")]
    private static partial Regex SentenceEnd();
}
