using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain;

public enum SymbolSuffixKind
{
    None,
    Addendum,
    Corrigendum,
    Revision,
    Amendment,
}

/// <summary>
/// A UN document symbol such as <c>A/75/778</c>, <c>S/2021/177</c>, <c>A/C.3/75/L.12/Rev.1</c>.
/// <see cref="Value"/> is the canonical spelling (organ parts upper case, <c>Add.1</c> style suffixes);
/// <see cref="Key"/> is the case-folded form used for storage and lookup, since people type symbols
/// in any case, with stray spaces and with any kind of dash.
/// </summary>
public sealed partial record UnSymbol
{
    public const int MaxLength = 120;

    private UnSymbol(string value, SymbolSuffixKind suffixKind, int? suffixNumber, string? parentValue)
    {
        Value = value;
        SuffixKind = suffixKind;
        SuffixNumber = suffixNumber;
        ParentValue = parentValue;
    }

    public string Value { get; }

    public string Key => Value.ToUpperInvariant();

    public SymbolSuffixKind SuffixKind { get; }

    public int? SuffixNumber { get; }

    /// <summary>The symbol that an addendum, corrigendum, revision or amendment belongs to.</summary>
    public string? ParentValue { get; }

    public override string ToString() => Value;

    public static string KeyOf(string symbol) => TryParse(symbol, out var parsed) ? parsed.Key : symbol.Trim().ToUpperInvariant();

    public static UnSymbol Parse(string text) =>
        TryParse(text, out var symbol) ? symbol : throw new FormatException($"'{text}' is not a UN document symbol.");

    public static bool TryParse(string? text, out UnSymbol symbol)
    {
        symbol = null!;
        var parts = ParseJoint(text);
        if (parts.Count != 1)
        {
            return false;
        }
        symbol = parts[0];
        return true;
    }

    /// <summary>
    /// Parses one symbol or a joint symbol (<c>A/75/778–S/2021/177</c>, also with a hyphen, an em
    /// dash or a space between the parts). Returns an empty list when any part is not a symbol.
    /// </summary>
    public static IReadOnlyList<UnSymbol> ParseJoint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength * 4 || TextCharacters.HasNonText(text))
        {
            return [];
        }
        var cleaned = Tidy(text);
        var pieces = JointSeparator().Split(cleaned).Where(p => p.Length > 0).ToList();
        if (pieces.Count == 0)
        {
            return [];
        }
        var symbols = new List<UnSymbol>(pieces.Count);
        foreach (var piece in pieces)
        {
            var one = ParseSingle(piece);
            if (one is null)
            {
                return [];
            }
            symbols.Add(one);
        }
        return symbols;
    }

    /// <summary>Joins the symbols of a joint document the way UN documents print them.</summary>
    public static string Join(IEnumerable<string> symbols) => string.Join("\u2013", symbols);

    // Unifies the many dashes and spaces people paste from PDFs and e-mails, and removes the spaces
    // that sit around slashes and dots ("A / 75 / 778", "Add. 1").
    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\\' => '/',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }
        var tidy = SpaceAroundPunctuation().Replace(builder.ToString().Trim(), "$1");
        return tidy;
    }

    private static UnSymbol? ParseSingle(string piece)
    {
        if (piece.Length > MaxLength)
        {
            return null;
        }
        var segments = piece.Split('/');
        if (segments.Length < 2 || segments.Any(s => !Segment().IsMatch(s)) || !char.IsLetter(segments[0][0]))
        {
            return null;
        }
        var canonical = segments.Select(CanonicalSegment).ToArray();
        var last = SuffixSegment().Match(canonical[^1]);
        if (last.Success && canonical.Length > 2)
        {
            var kind = last.Groups[1].Value switch
            {
                "Add" => SymbolSuffixKind.Addendum,
                "Corr" => SymbolSuffixKind.Corrigendum,
                "Rev" => SymbolSuffixKind.Revision,
                _ => SymbolSuffixKind.Amendment,
            };
            var parent = string.Join('/', canonical[..^1]);
            return new UnSymbol(string.Join('/', canonical), kind, int.Parse(last.Groups[2].Value), parent);
        }
        return new UnSymbol(string.Join('/', canonical), SymbolSuffixKind.None, null, null);
    }

    private static string CanonicalSegment(string segment)
    {
        var suffix = SuffixSegmentIgnoreCase().Match(segment);
        if (suffix.Success)
        {
            var word = suffix.Groups[1].Value.ToLowerInvariant();
            return $"{char.ToUpperInvariant(word[0])}{word[1..]}.{int.Parse(suffix.Groups[2].Value)}";
        }
        return segment.ToUpperInvariant();
    }

    [GeneratedRegex(@"\s*([/.])\s*")]
    private static partial Regex SpaceAroundPunctuation();

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex JointSeparator();

    [GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^(Add|Corr|Rev|Amend)\.(\d{1,4})$")]
    private static partial Regex SuffixSegment();

    [GeneratedRegex(@"^(add|corr|rev|amend)\.(\d{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixSegmentIgnoreCase();


}
