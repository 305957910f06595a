using System.Buffers;
using System.Globalization;
using System.Text;
using Portal.Data.Search;

namespace Portal.Features.Search;

/// <summary>
/// Cuts a short passage around the first match from a version's indexed text and marks every
/// match in it. Matching ignores case and accents the way the index does, so what the index
/// found is what gets highlighted. Markdown punctuation is dropped; the text itself is never
/// turned into markup. The plain and folded copies of a text live in pooled buffers, and are made only as far as the
/// first match needs (<see cref="PlainColumn"/>): a page cuts 25 passages, most from near the start of their texts.
/// </summary>
public static class SnippetBuilder
{
    private const int Before = 80;
    private const int After = 160;
    private const CompareOptions Matching = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    /// <summary>How much plain text is searched first; each further step reads twice as much as the one before.</summary>
    public const int FirstStep = 512;

    public static IReadOnlyList<SnippetPart> Build(IndexedText text, IReadOnlyList<SearchTerm> terms)
    {
        var words = new SnippetTerms(terms);
        if (words.AsTyped.Length == 0)
        {
            return Opening(text);
        }
        foreach (var column in new[] { text.Body, text.Extra, text.Title })
        {
            var plain = new PlainColumn(column, folding: words.Folded is not null);
            try
            {
                var position = FirstMatch(ref plain, words, out var matcher);
                if (position < 0)
                {
                    continue;
                }
                var start = WordStart(plain.Text, Math.Max(0, position - Before));
                var end = WordEnd(plain.Text, Math.Min(plain.Text.Length, position + After));
                return Mark(matcher, plain.Text, start, end);
            }
            finally
            {
                plain.Dispose();
            }
        }
        return Opening(text);
    }

    /// <summary>
    /// The first match in a column and a matcher for the passage around it, the plain text made at least
    /// <see cref="After"/> characters past it (or to its end). The text is made, folded and searched in growing steps,
    /// a term that spans two steps found in the second; a step that holds a combining mark, which folding one for one
    /// cannot drop, has the whole text searched with the culture-aware comparison instead.
    /// </summary>
    private static int FirstMatch(ref PlainColumn plain, SnippetTerms words, out Matcher matcher)
    {
        if (words.Folded is { } folded)
        {
            var overlap = folded.Max(t => t.Length) - 1;
            var (searched, step) = (0, FirstStep);
            while (plain.ReadTo(plain.Text.Length + step))
            {
                var (position, _) = new Matcher(plain.Folded, folded, ordinal: true).First(searched, plain.Text.Length);
                if (position >= 0)
                {
                    if (!plain.ReadTo(position + After + 1))
                    {
                        break;
                    }
                    matcher = new Matcher(plain.Folded, folded, ordinal: true);
                    return position;
                }
                if (plain.Complete)
                {
                    matcher = default;
                    return -1;
                }
                searched = Math.Max(0, plain.Text.Length - overlap);
                step *= 2;
            }
        }
        plain.ReadTo(int.MaxValue);
        matcher = new Matcher(plain.Text, words.AsTyped, ordinal: false);
        return matcher.First(0, plain.Text.Length).Position;
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
    /// One column's plain text (<see cref="Plain"/>) and, when the terms are searched folded, its folded copy
    /// (<see cref="Folding"/>), made as far as <see cref="ReadTo"/> was asked, in pooled buffers.
    /// </summary>
    private ref struct PlainColumn
    {
        private readonly string _markdown;
        private readonly char[] _plain;
        private readonly char[]? _folded;
        private PlainState _state;

        public PlainColumn(string markdown, bool folding)
        {
            _markdown = markdown;
            // Plain text is never longer than its Markdown: a space is written only for white space dropped.
            _plain = ArrayPool<char>.Shared.Rent(markdown.Length);
            _folded = folding ? ArrayPool<char>.Shared.Rent(markdown.Length) : null;
        }

        public readonly ReadOnlySpan<char> Text => _plain.AsSpan(0, _state.Length);

        public readonly ReadOnlySpan<char> Folded => _folded.AsSpan(0, _state.Length);

        /// <summary>Whether the whole column has been made.</summary>
        public readonly bool Complete => _state.Next >= _markdown.Length;

        /// <summary>
        /// Makes the plain text at least <paramref name="length"/> characters long, or whole, and folds what was added;
        /// false when that holds a combining mark (the folded copy then stops before it and is not to be used).
        /// </summary>
        public bool ReadTo(int length)
        {
            var from = _state.Length;
            Plain(_markdown, _plain, ref _state, length);
            if (_folded is null)
            {
                return true;
            }
            var added = _plain.AsSpan(from, _state.Length - from);
            if (Folding.HasMarks(added))
            {
                return false;
            }
            Folding.Fold(added, _folded.AsSpan(from));
            return true;
        }

        public readonly void Dispose()
        {
            ArrayPool<char>.Shared.Return(_plain);
            if (_folded is not null)
            {
                ArrayPool<char>.Shared.Return(_folded);
            }
        }
    }

    /// <summary>
    /// Finds the terms in one text the way the index's tokenizer compares letters (unicode61, remove_diacritics 2):
    /// case, accents, width and kana type ignored. Both sides folded a character for a character (<see cref="Folding"/>)
    /// and searched ordinally, which .NET vectorises; or, for a text or term that holds combining marks, as written with the
    /// culture-aware comparison (~47 µs per 2,000 characters as soon as a text holds a letter beyond ASCII, against ~3 µs).
    /// </summary>
    private readonly ref struct Matcher(ReadOnlySpan<char> text, string[] terms, bool ordinal)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly string[] _terms = terms;
        private readonly bool _ordinal = ordinal;

        /// <summary>The earliest match that starts at or after <paramref name="from"/> and ends by <paramref name="end"/>; position -1 for none.</summary>
        public (int Position, int Length) First(int from, int end)
        {
            var best = (Position: -1, Length: 0);
            var span = _text[from..end];
            foreach (var term in _terms)
            {
                int index, length;
                if (_ordinal)
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

        /// <summary>Whether each character of the Basic Multilingual Plane is a combining mark.</summary>
        private static readonly bool[] Marks = [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => IsMark((char)i))];

        public static bool HasMarks(ReadOnlySpan<char> text)
        {
            // Marks start at U+0300: text below it (most Latin text) is skipped at vector speed.
            var from = text.IndexOfAnyInRange('\u0300', char.MaxValue);
            if (from < 0)
            {
                return false;
            }
            foreach (var c in text[from..])
            {
                if (Marks[c])
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
        var state = new PlainState();
        Plain(markdown, plain, ref state, int.MaxValue);
        return state.Length;
    }

    /// <summary>How far <see cref="Plain(string, char[], ref PlainState, int)"/> has read a text, and written its plain text.</summary>
    private struct PlainState
    {
        public int Next;
        public int Length;
        public bool Space;
    }

    /// <summary>
    /// Goes on writing the plain text of <paramref name="markdown"/> from where <paramref name="state"/> stopped, until it
    /// is at least <paramref name="length"/> characters long or the text ends; what it writes is the same however often it stops.
    /// </summary>
    private static void Plain(string markdown, char[] plain, ref PlainState state, int length)
    {
        for (; state.Next < markdown.Length && state.Length < length; state.Next++)
        {
            var i = state.Next;
            var c = markdown[i];
            if (c == '[' && FootnoteCallEnd(markdown, i) is var footnoteEnd && footnoteEnd > i)
            {
                state.Next = footnoteEnd;
            }
            else if (c == ']' && i + 1 < markdown.Length && markdown[i + 1] == '(' && markdown.IndexOfAny([')', '\n'], i + 2) is var close
                && close > 0 && markdown[close] == ')')
            {
                state.Next = close;
            }
            else if (c is '[' or '*' or '_' or '#' or '>' or '|' or '`')
            {
                continue;
            }
            else if (char.IsWhiteSpace(c))
            {
                state.Space = true;
            }
            else
            {
                if (state.Space && state.Length > 0)
                {
                    plain[state.Length++] = ' ';
                }
                state.Space = false;
                plain[state.Length++] = c;
            }
        }
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
