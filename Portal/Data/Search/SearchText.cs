using System.Buffers;
using System.Globalization;
using System.Text;

namespace Portal.Data.Search;

/// <summary>
/// The text normalisation shared by the index and the queries, whatever the database. It does
/// only what the database tokenizers cannot: Arabic vowel marks (tashkeel) and tatweel are
/// removed so vocalised and plain spellings meet, and Russian ё is written е, as most texts do.
/// Case and Latin diacritics are left to the tokenizer, so snippets keep the original letters.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var first = text.AsSpan().IndexOfAny(FoldedAway);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length).Append(text.AsSpan(0, first));
        foreach (var c in text.AsSpan(first))
        {
            if (IsArabicMark(c))
            {
                continue;
            }
            builder.Append(c switch
            {
                'ё' => 'е',
                'Ё' => 'Е',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// Overlapping two-character tokens of every CJK run, space-separated ("地雷威胁" gives "地雷 雷威 威胁"),
    /// the way Lucene's CJK analyzer indexes text without spaces. A run of one character stays one token.
    /// </summary>
    public static string CjkBigrams(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder();
        var runStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && IsCjk(text[i]);
            if (inRun && runStart < 0)
            {
                runStart = i;
            }
            else if (!inRun && runStart >= 0)
            {
                AppendRun(builder, text.AsSpan(runStart, i - runStart));
                runStart = -1;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text as the word index takes it: folded, and every CJK run written as its bigrams between spaces
    /// ("对地雷威胁" gives " 对地 地雷 雷威 威胁 "), so a word tokenizer sees Chinese as overlapping two-character
    /// words and a longer Chinese term is the phrase of its bigrams. Everything else is left to the tokenizer.
    /// </summary>
    public static string IndexForm(string? text)
    {
        var folded = Fold(text);
        if (!folded.AsSpan().ContainsAnyInRange('\u3040', '\uFAFF'))
        {
            return folded;
        }
        var builder = new StringBuilder(folded.Length * 3);
        var runStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inRun = i < folded.Length && IsCjk(folded[i]);
            if (inRun && runStart < 0)
            {
                runStart = i;
            }
            else if (!inRun && runStart >= 0)
            {
                builder.Append(' ');
                AppendRun(builder, folded.AsSpan(runStart, i - runStart));
                runStart = -1;
            }
            if (!inRun && i < folded.Length)
            {
                builder.Append(folded[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The distinct tokens SQLite's <c>unicode61 remove_diacritics 2</c> tokenizer makes of <see cref="IndexForm"/>
    /// of the text: runs of letters, digits and private-use characters, lower-cased, Latin letters without their
    /// diacritics. The word list that widens a typed word to the words it begins (<see cref="SqliteSearchSchema"/>)
    /// is kept with it; a test compares it with the index's own vocabulary.
    /// </summary>
    public static IReadOnlyCollection<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var token = new StringBuilder();
        foreach (var rune in IndexForm(text).EnumerateRunes())
        {
            if (IsTokenCharacter(rune))
            {
                AppendTokenForm(token, rune);
            }
            else if (token.Length > 0)
            {
                words.Add(token.ToString());
                token.Clear();
            }
        }
        if (token.Length > 0)
        {
            words.Add(token.ToString());
        }
        return words;
    }

    private static bool IsTokenCharacter(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;

    private static void AppendTokenForm(StringBuilder token, Rune rune)
    {
        var lower = Rune.ToLowerInvariant(rune);
        // remove_diacritics 2 folds the Latin blocks only (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional).
        if (lower.Value is (>= 0xC0 and <= 0x24F) or (>= 0x1E00 and <= 0x1EFF))
        {
            var bare = 0;
            foreach (var c in lower.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    token.Append(c);
                    bare++;
                }
            }
            if (bare > 0)
            {
                return;
            }
        }
        token.Append(lower.ToString());
    }

    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF'      // Hiragana, Katakana
        or >= '\u3400' and <= '\u4DBF'        // CJK Extension A
        or >= '\u4E00' and <= '\u9FFF'        // CJK Unified Ideographs
        or >= '\uAC00' and <= '\uD7AF'        // Hangul syllables
        or >= '\uF900' and <= '\uFAFF';       // CJK Compatibility Ideographs

    private static void AppendRun(StringBuilder builder, ReadOnlySpan<char> run)
    {
        if (run.Length == 1)
        {
            builder.Append(run[0]).Append(' ');
            return;
        }
        for (var i = 0; i + 1 < run.Length; i++)
        {
            builder.Append(run[i]).Append(run[i + 1]).Append(' ');
        }
    }

    /// <summary>The characters <see cref="Fold"/> drops or replaces, found at vector speed: most texts hold none.</summary>
    private static readonly SearchValues<char> FoldedAway =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => IsArabicMark(c) || c is 'ё' or 'Ё')]);

    // Harakat, Quranic annotation signs, superscript alef and tatweel.
    private static bool IsArabicMark(char c) =>
        c is >= '\u0610' and <= '\u061A'
        or >= '\u064B' and <= '\u065F'
        or '\u0670'
        or '\u0640'
        or >= '\u06D6' and <= '\u06ED';
}
