using System.Globalization;
using Portal.Catalogue;

namespace Portal.Infrastructure;

/// <summary>
/// The rules for reading query-string values, shared by the pages (<see cref="QueryInput"/>) and the JSON API
/// (<c>ApiInput</c>), so that a value one accepts the other accepts too. Pages bind every query parameter
/// as a string and read it here: a typed <c>int?</c> binding throws on <c>page=abc</c> or
/// <c>page=99999999999</c> before the page runs, which would answer 500 instead of saying what is wrong.
/// </summary>
public static class QueryValues
{
    /// <summary>The highest page number a URL can ask for; queries clamp further to their last page.</summary>
    public const int MaxPage = 10_000;

    /// <summary>A page number: ASCII digits only (no sign, space or exponent), from 1 to <see cref="MaxPage"/>.</summary>
    public static bool TryPage(string text, out int page) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage;

    /// <summary>A calendar date written <c>yyyy-MM-dd</c> (2021-03-30); 2021-02-30 is not one.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A session as URLs write it: <c>ga-75</c>, <c>sc-2021</c>.</summary>
    public static bool TrySession(string text, out SessionKey session)
    {
        var parts = text.Split('-');
        if (parts is [var slug, var number] && SessionNames.TryParseSlug(slug, out var organ)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            session = new SessionKey(organ, n);
            return true;
        }
        session = null!;
        return false;
    }

    /// <summary>An agenda item as URLs write it: <c>ga-75-71</c>.</summary>
    public static bool TryAgendaItem(string text, out AgendaItemKey item)
    {
        var parts = text.Split('-');
        if (parts is [var slug, var session, var number] && SessionNames.TryParseSlug(slug, out var organ)
            && int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            item = new AgendaItemKey(organ, s, n);
            return true;
        }
        item = null!;
        return false;
    }

    /// <summary>One of an enum's names, in any case (<c>letter</c>, <c>Letter</c>); never a number, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take.</summary>
    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        (text.Length > 0 && !char.IsDigit(text[0]) && !text.Contains(',') && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value))
        || Fail(out value);

    /// <summary>An enum's names as a URL writes them, for a message: <c>general, limited, restricted</c>.</summary>
    public static string NamesOf<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static bool Fail<T>(out T value) where T : struct
    {
        value = default;
        return false;
    }
}
