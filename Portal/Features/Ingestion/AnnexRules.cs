using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>Annex headings in the six languages: "Annex", "Annex II", "Annex to the letter dated …", "附件", "…的信的附件".</summary>
public static partial class AnnexRules
{
    public static bool IsHeading(string line)
    {
        var t = line.Trim();
        return t.Length is > 0 and <= 300 && (Heading().IsMatch(t) || ChineseHeading().IsMatch(t));
    }

    /// <summary>An enclosure belongs to the annex it follows rather than being an annex of its own.</summary>
    public static bool IsEnclosure(string line) => Enclosure().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:Annex(?:e)?|Anexo|Приложение|المرفق|مرفق|Enclosure|Pi[èe]ce\s+jointe|Appendice|Ap[ée]ndice)(?:\s+[IVXLC]+|\s+\d+)?(?:\s*[:.]?\s*$|\s+(?:to|à|au|de|del|a\s+la|к)\s+\p{L}.*$|\s+(?:ال)?[\u0600-\u06FF].*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:附件(?:[一二三四五六七八九十]+|\d+)?|.{4,200}的附件(?:[一二三四五六七八九十]+)?)$")]
    private static partial Regex ChineseHeading();

    [GeneratedRegex(@"^(?:Enclosure|Pi[èe]ce\s+jointe|Appendice|Ap[ée]ndice|Приложение\s+к\s+приложению|الضميمة|附文)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Enclosure();
}
