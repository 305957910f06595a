using System.Buffers;
using System.Globalization;
using System.Text;
using Portal.Data.Search;

namespace Portal.Features.Search;

/// <summary>
/// Cuts a short passage around the first match from a version's indexed text and marks every
/// match in it. Matching ignores case and accents the way the index does, so what the index
/// found is what gets highlighted. Markdown punctuation is dropped; the text itself is never
/// turned into markup. The plain and folded copies of a text live in pooled buffers: a page cuts 25 passages from
/// whole texts, whose copies were a seventh of what a search allocated.
/// </summary>
public static class SnippetBuilder
{
    private const int Before = 80;
    private const int After = 160;
    private const CompareOptions Matching = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    public static IReadOnlyList<SnippetPart> Build(IndexedText text, IReadOnlyList<SearchTerm> terms)
    {
        var words = new SnippetTerms(terms);
        foreach (var column in new[] { text.Body, text.Extra, text.Title })
        {
            var buffer = ArrayPool<char>.Shared.Rent(column.Length);
            try
            {
                ReadOnlySpan<char> plain = buffer.AsSpan(0, Plain(column, buffer));
                using var matcher = new Matcher(plain, words);
                var (position, _) = matcher.First(0, plain.Length);
                if (position < 0)
                {
                    continue;
                }
                var start = WordStart(plain, Math.Max(0, position - Before));
                var end = WordEnd(plain, Math.Min(plain.Length, position + After));
                return Mark(matcher, plain, start, end);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
        return Opening(text);
    }

    /// <summary>
    /// The first lines of a version's text, nothing marked: the passage of a document found by its catalogue record
    /// alone, whose text holds none of the words (looking for them there would read the whole text for nothing).
    /// </summary>
    public static IReadOnlyList<SnippetPart> Opening(IndexedText text)
    {
        var opening = text.Body.Length > 4 * (Before + After) ? text.Body[..(4 * (Before + After))] : text.Body;
        var buffer = new char[opening.Length];
        var plain = new string(buffer, 0, Plain(opening, buffer));
        var cut = WordEnd(plain, Math.Min(plain.Length, Before + After));
        return [new SnippetPart(plain[..cut] + (cut < plain.Length ? " …" : ""), false)];
    }

    private static List<SnippetPart> Mark(in Matcher matcher, ReadOnlySpan<char> plain, int start, int end)
    {
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("… ", false));
        }
        var cursor = start;
        while (cursor < end)
        {
            var (position, length) = matcher.First(cursor, end);
            if (position < 0)
            {
                break;
            }
            if (position > cursor)
            {
                parts.Add(new SnippetPart(new string(plain[cursor..position]), false));
            }
            parts.Add(new SnippetPart(new string(plain.Slice(position, length)), true));
            cursor = position + length;
        }
        if (cursor < end)
        {
            parts.Add(new SnippetPart(new string(plain[cursor..end]), false));
        }
        if (end < plain.Length)
        {
            parts.Add(new SnippetPart(" …", false));
        }
        return parts;
    }

    /// <summary>
    /// Finds the terms in one text the way the index's tokenizer compares letters (unicode61, remove_diacritics 2):
    /// case, accents, width and kana type ignored. Both sides are folded a character for a character
    /// (<see cref="Folding"/>) and searched ordinally, which .NET vectorises; a text or term that holds combining marks,
    /// which folding one for one cannot drop, is searched with the culture-aware comparison instead, as every text was
    /// before (~47 µs per 2,000 characters as soon as a text held a letter beyond ASCII, against ~3 µs).
    /// </summary>
    private readonly ref struct Matcher : IDisposable
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly string[] _terms;

        /// <summary>The text folded (<see cref="Folding"/>), searched ordinally; null when it is searched as it is.</summary>
        private readonly char[]? _foldedText;

        public Matcher(ReadOnlySpan<char> text, SnippetTerms terms)
        {
            if (terms.Folded is { } folded && !Folding.HasMarks(text))
            {
                _foldedText = ArrayPool<char>.Shared.Rent(text.Length);
                Folding.Fold(text, _foldedText);
                _text = _foldedText.AsSpan(0, text.Length);
                _terms = folded;
            }
            else
            {
                _text = text;
                _terms = terms.AsTyped;
            }
        }

        public void Dispose()
        {
            if (_foldedText is not null)
            {
                ArrayPool<char>.Shared.Return(_foldedText);
            }
        }

        /// <summary>The earliest match that starts at or after <paramref name="from"/> and ends by <paramref name="end"/>; position -1 for none.</summary>
        public (int Position, int Length) First(int from, int end)
        {
            var best = (Position: -1, Length: 0);
            var span = _text[from..end];
            foreach (var term in _terms)
            {
                int index, length;
                if (_foldedText is not null)
                {
                    (index, length) = (span.IndexOf(term, StringComparison.Ordinal), term.Length);
                }
                else
                {
                    index = CultureInfo.InvariantCulture.CompareInfo.IndexOf(span, term, Matching, out length);
                }
                if (index >= 0 && length > 0 && (best.Position < 0 || from + index < best.Position))
                {
                    best = (from + index, length);
                }
            }
            return best;
        }
    }

    /// <summary>
    /// The terms of a search as typed and, when none holds a combining mark, folded: once for the three columns of a text.
    /// </summary>
    private sealed class SnippetTerms
    {
        public SnippetTerms(IReadOnlyList<SearchTerm> terms)
        {
            AsTyped = [.. terms.Select(t => t.Text).Where(t => t.Length > 0)];
            Folded = AsTyped.Any(t => Folding.HasMarks(t)) ? null : [.. AsTyped.Select(Folding.Fold)];
        }

        public string[] AsTyped { get; }

        /// <summary>The terms folded; null when one holds a combining mark, and every text is then searched as it is.</summary>
        public string[]? Folded { get; }
    }

    /// <summary>Letters folded one for one: lower case, without accents, narrow, hiragana for katakana.</summary>
    private static class Folding
    {
        private static readonly char[] Table = BuildTable();

        public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) => Fold(source, folded));

        public static void Fold(ReadOnlySpan<char> source, Span<char> folded)
        {
            for (var i = 0; i < source.Length; i++)
            {
                folded[i] = Table[source[i]];
            }
        }

        public static bool HasMarks(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (c >= '\u0300' && IsMark(c))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

        private static char[] BuildTable()
        {
            var table = new char[char.MaxValue + 1];
            for (var i = 0; i <= char.MaxValue; i++)
            {
                var c = (char)i;
                table[i] = c < 0x80 ? char.ToLowerInvariant(c) : c;
                if (c < 0x80 || IsMark(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Surrogate
                    or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
                {
                    continue;
                }
                // The compatibility decomposition without its marks (é → e, Ａ → A); one that leaves more than one
                // letter (a ligature) keeps the character itself.
                var letters = c.ToString().Normalize(NormalizationForm.FormKD).Where(d => !IsMark(d)).ToList();
                var folded = letters.Count == 1 ? letters[0] : c;
                if (folded is >= '\u30A1' and <= '\u30F6')
                {
                    folded = (char)(folded - 0x60);
                }
                table[i] = char.ToLowerInvariant(folded);
            }
            return table;
        }
    }

    private static int WordStart(ReadOnlySpan<char> text, int index)
    {
        if (index == 0)
        {
            return 0;
        }
        var space = text[index..].IndexOf(' ');
        return space >= 0 && space < 20 ? index + space + 1 : index;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return text.Length;
        }
        var space = text[..(index + 1)].LastIndexOf(' ');
        return space > 0 && index - space < 20 ? space : index;
    }

    /// <summary>
    /// The text without Markdown's marks: footnote calls (<c>[^1]</c>), emphasis, heading, quote, table and code marks,
    /// link brackets and targets, with every run of white space one space. One pass by hand: three regular expression
    /// replacements did the same at ~40 µs per 1,000 characters, most of a page's snippets. Written into
    /// <paramref name="plain"/>, at least as long as the text; returns the length written.
    /// </summary>
    private static int Plain(string markdown, char[] plain)
    {
        var length = 0;
        var space = false;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '[' && FootnoteCallEnd(markdown, i) is var footnoteEnd && footnoteEnd > i)
            {
                i = footnoteEnd;
            }
            else if (c == ']' && i + 1 < markdown.Length && markdown[i + 1] == '(' && markdown.IndexOfAny([')', '\n'], i + 2) is var close
                && close > 0 && markdown[close] == ')')
            {
                i = close;
            }
            else if (c is '[' or '*' or '_' or '#' or '>' or '|' or '`')
            {
                continue;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else
            {
                if (space && length > 0)
                {
                    plain[length++] = ' ';
                }
                space = false;
                plain[length++] = c;
            }
        }
        return length;
    }

    /// <summary>Where the footnote call (<c>[^</c>, digits, <c>]</c>) that starts at <paramref name="start"/> ends; -1 when none does.</summary>
    private static int FootnoteCallEnd(string text, int start)
    {
        if (start + 3 >= text.Length || text[start + 1] != '^' || !char.IsDigit(text[start + 2]))
        {
            return -1;
        }
        var i = start + 2;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }
        return i < text.Length && text[i] == ']' ? i : -1;
    }
}
