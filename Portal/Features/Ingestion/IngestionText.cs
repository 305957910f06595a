using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Features.Ingestion;

/// <summary>Normalisation shared by the extraction rules, so each rule matches one spelling only.</summary>
public static partial class IngestionText
{
    /// <summary>
    /// NFKC folds PDF ligatures, full-width punctuation and Arabic presentation forms into ordinary
    /// characters; spaces between two Chinese characters are dropped because PDF extraction inserts them
    /// ("大  会") while Chinese never writes them.
    /// </summary>
    public static string Normalize(string text)
    {
        var folded = text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormKC);
        folded = folded.Replace('\u00A0', ' ').Replace('\u3000', ' ').Replace("\u200B", "").Replace("\uFEFF", "").Replace("\u0640", "");
        return SpaceBetweenHan().Replace(folded, "$1");
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Lower case without accents, hyphens as spaces: the key ordinal words and month names are looked up by.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Replace('ё', 'е').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                '-' or '\u2010' or '\u2011' or '\u2013' => ' ',
                '\u0622' or '\u0623' or '\u0625' => '\u0627', // آ أ إ → ا
                '\u0649' => '\u064A', // ى → ي
                _ => c,
            });
        }
        return MultipleSpaces().Replace(builder.ToString().Normalize(NormalizationForm.FormC), " ").Trim();
    }

    /// <summary>Joins wrapped lines: no space between Chinese characters, one space elsewhere.</summary>
    public static string JoinWrapped(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (builder.Length > 0 && !(IsHan(builder[^1]) || IsHan(line[0]) || IsCjkPunctuation(builder[^1])))
            {
                builder.Append(' ');
            }
            builder.Append(line);
        }
        return builder.ToString();
    }

    private static bool IsCjkPunctuation(char c) => c is '、' or '。' or '《' or '》' or '“' or '”';

    // The lookahead leaves the second character in place, so runs such as "大  会  安" collapse in one pass.
    [GeneratedRegex(@"([\u3400-\u9FFF、。])[ \t]+(?=[\u3400-\u9FFF、。])")]
    private static partial Regex SpaceBetweenHan();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultipleSpaces();
}
