using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Data.Search;

namespace Portal.Features.Search;

/// <summary>
/// Cuts a short passage around the first match from a version's indexed text and marks every
/// match in it. Matching ignores case and accents the way the index does, so what the index
/// found is what gets highlighted. Markdown punctuation is dropped; the text itself is never
/// turned into markup.
/// </summary>
public static partial class SnippetBuilder
{
    private const int Before = 80;
    private const int After = 160;
    private const CompareOptions Matching = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    public static IReadOnlyList<SnippetPart> Build(IndexedText text, IReadOnlyList<SearchTerm> terms)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        foreach (var column in new[] { text.Body, text.Extra, text.Title })
        {
            var plain = Plain(column);
            var (position, _) = FirstMatch(compare, plain, terms, 0);
            if (position < 0)
            {
                continue;
            }
            var start = WordStart(plain, Math.Max(0, position - Before));
            var end = WordEnd(plain, Math.Min(plain.Length, position + After));
            return Mark(compare, plain, start, end, terms);
        }
        return Opening(text);
    }

    /// <summary>
    /// The first lines of a version's text, nothing marked: the passage of a document found by its catalogue record
    /// alone, whose text holds none of the words (looking for them there would read the whole text for nothing).
    /// </summary>
    public static IReadOnlyList<SnippetPart> Opening(IndexedText text)
    {
        var plain = Plain(text.Body.Length > 4 * (Before + After) ? text.Body[..(4 * (Before + After))] : text.Body);
        var cut = WordEnd(plain, Math.Min(plain.Length, Before + After));
        return [new SnippetPart(plain[..cut] + (cut < plain.Length ? " …" : ""), false)];
    }

    private static List<SnippetPart> Mark(CompareInfo compare, string plain, int start, int end, IReadOnlyList<SearchTerm> terms)
    {
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("… ", false));
        }
        var cursor = start;
        while (cursor < end)
        {
            var (position, length) = FirstMatch(compare, plain[..end], terms, cursor);
            if (position < 0)
            {
                break;
            }
            if (position > cursor)
            {
                parts.Add(new SnippetPart(plain[cursor..position], false));
            }
            parts.Add(new SnippetPart(plain.Substring(position, length), true));
            cursor = position + length;
        }
        if (cursor < end)
        {
            parts.Add(new SnippetPart(plain[cursor..end], false));
        }
        if (end < plain.Length)
        {
            parts.Add(new SnippetPart(" …", false));
        }
        return parts;
    }

    private static (int Position, int Length) FirstMatch(CompareInfo compare, string text, IReadOnlyList<SearchTerm> terms, int from)
    {
        var best = (Position: -1, Length: 0);
        foreach (var term in terms)
        {
            var index = compare.IndexOf(text.AsSpan(from), term.Text, Matching, out var length);
            if (index >= 0 && length > 0 && (best.Position < 0 || from + index < best.Position))
            {
                best = (from + index, length);
            }
        }
        return best;
    }

    private static int WordStart(string text, int index)
    {
        if (index == 0)
        {
            return 0;
        }
        var space = text.IndexOf(' ', index);
        return space >= 0 && space - index < 20 ? space + 1 : index;
    }

    private static int WordEnd(string text, int index)
    {
        if (index >= text.Length)
        {
            return text.Length;
        }
        var space = text.LastIndexOf(' ', index);
        return space > 0 && index - space < 20 ? space : index;
    }

    private static string Plain(string markdown) =>
        Whitespace().Replace(MarkdownPunctuation().Replace(FootnoteCall().Replace(markdown, ""), ""), " ").Trim();

    [GeneratedRegex(@"\[\^\d+\]")]
    private static partial Regex FootnoteCall();

    [GeneratedRegex(@"[*_#>|`]+|\]\(.*?\)|\[")]
    private static partial Regex MarkdownPunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
