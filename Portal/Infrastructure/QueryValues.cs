using System.Globalization;

namespace Portal.Infrastructure;

/// <summary>
/// Lenient readers for query-string values. Pages bind every query parameter as a string and read it
/// here: a typed <c>int?</c> binding throws on <c>page=abc</c> or <c>page=99999999999</c> before the page
/// runs, so a hand-edited link would answer 500 instead of opening.
/// </summary>
public static class QueryValues
{
    /// <summary>The highest page number a URL can ask for; queries clamp further to their last page.</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// A page number: ASCII digits only (<c>1e5</c>, <c>-1</c>, <c>abc</c> and empty read as 1), at least 1
    /// and at most <see cref="MaxPage"/>; longer digit strings clamp instead of overflowing.
    /// </summary>
    public static int Page(string? text)
    {
        var digits = text.AsSpan().Trim();
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return 1;
        }
        digits = digits.TrimStart('0');
        if (digits.Length > 9)
        {
            return MaxPage;
        }
        return digits.IsEmpty ? 1 : Math.Clamp(int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), 1, MaxPage);
    }
}
