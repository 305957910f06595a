using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>
/// Lines a printed UN page carries that are not part of the text: job numbers ("21-04567 (E)    010421"),
/// barcodes ("*2104567*"), page numbers ("2/5", "Page 3"), "Please recycle" in each language, lines that
/// are only a URL (PDF link annotations repeated at page ends), and lines repeated on many pages
/// (running headers such as the document's own symbol).
/// </summary>
public static partial class PageFurniture
{
    /// <summary>The job number's letter tells the language of the version: (E)nglish, (F)rench, (S)panish…</summary>
    public static string? JobNumberLanguage(string text)
    {
        var m = JobNumber().Match(text);
        return m.Success
            ? m.Groups["lang"].Value switch
            {
                "E" => "en",
                "F" => "fr",
                "S" => "es",
                "R" => "ru",
                "A" => "ar",
                "C" => "zh",
                _ => null,
            }
            : null;
    }

    public static bool IsFurniture(string line)
    {
        var t = line.Trim();
        if (t.Length == 0)
        {
            return false;
        }
        return FurnitureOnly().IsMatch(t) || Recycle().IsMatch(t) || UrlOnly().IsMatch(t) || SiteNoise().IsMatch(t);
    }

    public static bool IsUrlOnly(string line) => UrlOnly().IsMatch(line.Trim());

    /// <summary>Short lines repeated three times or more: running headers and footers.</summary>
    public static HashSet<string> RepeatedLines(IEnumerable<string> lines)
    {
        return lines.Select(l => l.Trim())
            .Where(l => l.Length is > 0 and <= 60 && !SignatureRules.HasMarker(l) && !l.StartsWith("__", StringComparison.Ordinal))
            .GroupBy(l => l)
            .Where(g => g.Count() >= 3)
            .Select(g => g.Key)
            .ToHashSet();
    }

    [GeneratedRegex(@"\b\d{2}-\d{5}\*?\s*\((?<lang>[EFSRAC])\)")]
    private static partial Regex JobNumber();

    // A line made only of page furniture tokens: job numbers, processing dates, barcodes, page numbers,
    // "Page n (of m)", and symbols of the running header.
    [GeneratedRegex(@"^(?:(?:\d{2}-\d{5}\*?|\([EFSRACG]\)|\d{6}|\*\d{6,}\*|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}|(?:Page|Página|Страница|页)\s*\d{1,3}(?:\s*(?:of|de|из|sur)\s*\d{1,3})?|[A-Z]{1,5}(?:/[A-Z0-9.]+)+\*?|[-–—])\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureOnly();

    [GeneratedRegex(@"^(?:Please recycle|Merci de recycler|Sírvase reciclar|Просьба отправить на вторичную переработку|请回收|يرجى إعادة (?:الاستعمال|التدوير)|♲|♻)", RegexOptions.IgnoreCase)]
    private static partial Regex Recycle();

    [GeneratedRegex(@"^(?:<?(?:https?://|www\.)\S+>?)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOnly();

    // What mirrors and archive pages wrap around a document's text.
    [GeneratedRegex(@"^(?:Skip to (?:main )?content|Official Document System|Print|Download|Share|Search|Home|Menu|Login|Sign in|Cookies?.*|Copyright.*|©.*|Terms of use.*|Privacy.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SiteNoise();
}
