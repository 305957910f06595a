using System.Text.RegularExpressions;
using Portal.Domain;

namespace Portal.Features.Ingestion;

/// <summary>
/// Finds UN document symbols in running text. A symbol starts with a known series (A, S, E, ST, treaty
/// bodies…) so that paths such as "km/h" or "www.x.org/en/home" are not taken for one, and its numeric
/// parts end at the first letter, which is how a joint symbol whose dash was lost ("A/75/778S/2021/177")
/// still splits in two.
/// </summary>
public static partial class SymbolScanner
{
    public sealed record SymbolHit(UnSymbol Symbol, int Index, int Length, bool Reissued);

    /// <summary>Every symbol in the text, in order, including those inside undocs.org links.</summary>
    public static IReadOnlyList<SymbolHit> Scan(string text)
    {
        var hits = new List<SymbolHit>();
        foreach (Match m in Symbol().Matches(text))
        {
            var raw = m.Groups["sym"].Value;
            if (!raw.Any(char.IsDigit) || !UnSymbol.TryParse(raw, out var symbol))
            {
                continue;
            }
            hits.Add(new SymbolHit(symbol, m.Index, m.Length, m.Groups["star"].Success));
        }
        foreach (Match m in UndocsLink().Matches(text))
        {
            var raw = m.Groups["sym"].Value.TrimEnd('.', ',', ';', ')', '/');
            if (UnSymbol.TryParse(Uri.UnescapeDataString(raw), out var symbol) && !hits.Any(h => h.Index <= m.Index && h.Index + h.Length >= m.Index + m.Length))
            {
                hits.Add(new SymbolHit(symbol, m.Groups["sym"].Index, m.Groups["sym"].Length, false));
            }
        }
        return hits.OrderBy(h => h.Index).ToList();
    }

    /// <summary>
    /// Groups hits that sit next to each other (joined by a dash, a space or nothing) in different series
    /// into one document's symbols: <c>A/75/778–S/2021/177</c>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<SymbolHit>> GroupJoint(string text, IReadOnlyList<SymbolHit> hits)
    {
        var groups = new List<IReadOnlyList<SymbolHit>>();
        List<SymbolHit>? current = null;
        foreach (var hit in hits)
        {
            if (current is not null)
            {
                var previous = current[^1];
                var gapStart = previous.Index + previous.Length;
                var gap = gapStart <= hit.Index ? text[gapStart..hit.Index] : "x";
                if (JointGap().IsMatch(gap) && current.All(c => Series(c.Symbol) != Series(hit.Symbol)))
                {
                    current.Add(hit);
                    continue;
                }
            }
            current = [hit];
            groups.Add(current);
        }
        return groups;
    }

    private static string Series(UnSymbol symbol) => symbol.Value.Split('/')[0];

    [GeneratedRegex(@"^\s{0,3}[-\u2010-\u2015\u2212]?\s{0,3}$")]
    private static partial Regex JointGap();

    [GeneratedRegex(@"(?<![A-Za-z\u00C0-\u024F/.\\_])(?<sym>(?:A|S|E|ST|DP|TD|CD|UNEP|ICCD|FCCC|CCPR|CERD|CEDAW|CRC|CAT|CMW|CRPD|CED|ICEF|UNW|HRI|SPLOS|ISBA|ECE|ESCAP|ESCWA|ECLAC|ECA|DPI|SG|PBC|UNCTAD)(?:[ ]?/[ ]?(?:\d+(?!\.\d)|(?i:add|corr|rev|amend)\.\s?\d+|[A-Z][A-Za-z]*(?:\.\d+[A-Za-z]?)*))+)(?<star>\*+)?")]
    private static partial Regex Symbol();

    [GeneratedRegex(@"undocs\.org/(?:(?:en|fr|es|ru|ar|zh|ch)/)?(?<sym>[A-Za-z][A-Za-z0-9./%()-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex UndocsLink();
}
