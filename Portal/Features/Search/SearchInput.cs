using System.Text;
using System.Text.RegularExpressions;
using Portal.Data.Search;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Features.Search;

/// <summary>
/// What a visitor typed, made safe and meaningful: control characters dropped, length bounded,
/// quoted phrases kept when the quotes pair up, FTS operators treated as what they are not
/// (plain words or nothing), and terms the index cannot look up explained rather than failing.
/// </summary>
public sealed partial record SearchInput(string Text, IReadOnlyList<SearchTerm> Terms, IReadOnlyList<string> Notices)
{
    public const int MaxLength = 200;
    public const int MaxTerms = 12;

    private static readonly HashSet<string> Operators = ["AND", "OR", "NOT", "NEAR"];
    private static readonly char[] OperatorCharacters = ['*', '^', ':'];

    public bool IsEmpty => Terms.Count == 0;

    public static SearchInput Parse(string? raw)
    {
        var notices = new List<string>();
        var text = Clean(raw ?? "");
        if (text.Length > MaxLength)
        {
            var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..cut].TrimEnd();
            notices.Add(InterfaceText.Format("NoticeTooLong", MaxLength));
        }

        var pieces = new List<string>();
        var quotes = text.Count(c => c == '"');
        if (quotes % 2 != 0)
        {
            notices.Add(InterfaceText.Get("NoticeQuotes"));
            pieces.AddRange(text.Replace('"', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            var parts = text.Split('"');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i % 2 == 1)
                {
                    // A quoted phrase is searched as written, spaces included.
                    var phrase = parts[i].Trim();
                    if (phrase.Length > 0)
                    {
                        pieces.Add(phrase);
                    }
                }
                else
                {
                    pieces.AddRange(parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        var terms = new List<SearchTerm>();
        var droppedOperators = false;
        var tooShort = new List<string>();
        foreach (var piece in pieces)
        {
            if (Operators.Contains(piece))
            {
                droppedOperators = true;
                continue;
            }
            if (piece.AsSpan().IndexOfAny(OperatorCharacters) >= 0)
            {
                droppedOperators = true;
            }
            // Punctuation at the edges ("(Signed)", "地雷。", "mines*") is not part of what is sought.
            var term = EdgePunctuation().Replace(piece, "");
            if (term.Length == 0)
            {
                continue;
            }
            var folded = SearchText.Fold(term);
            var length = folded.EnumerateRunes().Count();
            if (length >= 3)
            {
                terms.Add(new SearchTerm(folded, SearchTermKind.Substring));
            }
            else if (folded.All(SearchText.IsCjk))
            {
                terms.Add(new SearchTerm(folded, SearchTermKind.ShortCjk));
            }
            else
            {
                tooShort.Add(term);
            }
        }

        if (droppedOperators)
        {
            notices.Add(InterfaceText.Get("NoticeOperators"));
        }
        if (tooShort.Count > 0)
        {
            notices.Add(InterfaceText.Format("NoticeShortWords", string.Join(", ", tooShort.Distinct().Select(t => $"“{t}”"))));
        }
        var distinct = terms.Distinct().ToList();
        if (distinct.Count > MaxTerms)
        {
            distinct = distinct[..MaxTerms];
            notices.Add(InterfaceText.Format("NoticeFirstWords", MaxTerms));
        }
        return new SearchInput(text, distinct, notices);
    }

    // Control and format characters (including stray NULs and bidi overrides) become spaces.
    private static string Clean(string raw)
    {
        var builder = new StringBuilder(Math.Min(raw.Length, MaxLength * 2));
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            builder.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || TextCharacters.IsNonText(raw, i) ? ' ' : c);
            if (builder.Length > MaxLength * 2)
            {
                break;
            }
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")]
    private static partial Regex EdgePunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
