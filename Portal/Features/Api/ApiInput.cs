using System.Buffers.Text;
using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Features.Api;

/// <summary>
/// Reads API query parameters strictly: unlike a page, which ignores a malformed value so an old link still
/// opens, a program is told at once (400, problem+json, one line per bad parameter) instead of receiving
/// an unfiltered answer it would take for the filtered one.
/// </summary>
public sealed class ApiInput
{
    private readonly Dictionary<string, string[]> _errors = [];

    public IResult? Problem => _errors.Count == 0 ? null
        : Results.ValidationProblem(_errors, detail: string.Join(" ", _errors.Select(e => $"{e.Key}: {e.Value[0]}.")), title: "Bad request");

    public void Add(string name, string message) => _errors[name] = [message];

    public (Organ Organ, int Number)? Session(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var parts = text.Split('-');
        if (parts is [var slug, var number] && SessionNames.TryParseSlug(slug, out var organ) && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (organ, n);
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not a session such as ga-75 or sc-2021");
        return null;
    }

    public (Organ Organ, int Session, int Number)? AgendaItem(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var parts = text.Split('-');
        if (parts is [var slug, var session, var number] && SessionNames.TryParseSlug(slug, out var organ)
            && int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (organ, s, n);
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not an agenda item such as ga-75-71");
        return null;
    }

    public Organ? Organ(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (SessionNames.TryParseSlug(text, out var organ))
        {
            return organ;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not an organ: use ga, sc or ecosoc");
        return null;
    }

    public T? Enum<T>(string name, string? text) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!char.IsDigit(text[0]) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    public string? Language(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (UnLanguage.TryParse(text, out var language))
        {
            return language.Code;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not a UN language code (ar, zh, en, fr, ru, es)");
        return null;
    }

    public string? Text(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > 200)
        {
            Add(name, "is longer than 200 characters");
            return null;
        }
        return text.Trim();
    }

    public DateOnly? Date(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not a date such as 2021-03-30");
        return null;
    }

    public int Limit(string? text, int defaultLimit, int maxLimit)
    {
        if (string.IsNullOrEmpty(text))
        {
            return defaultLimit;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= maxLimit)
        {
            return limit;
        }
        Add("limit", $"“{InputEcho.Shorten(text)}” is not a number from 1 to {maxLimit}");
        return defaultLimit;
    }

    public int Page(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 && page <= QueryValues.MaxPage)
        {
            return page;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not a page number from 1 to {QueryValues.MaxPage}");
        return 1;
    }

    /// <summary>The id the cursor points after; 0 (the start) without one.</summary>
    public int Cursor(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        Span<byte> bytes = stackalloc byte[16];
        // TryDecodeFromChars throws, rather than answering false, on text that is not base64url at all.
        if (text.Length <= 20 && Base64Url.IsValid(text)
            && Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == 4 && BitConverter.ToInt32(bytes[..4]) is var id and >= 0)
        {
            return id;
        }
        Add("cursor", "is not a cursor this API gave out; start without one, then follow next");
        return 0;
    }

    /// <summary>An opaque cursor: clients pass back what <c>nextCursor</c> gave them, and should not build their own.</summary>
    public static string EncodeCursor(int afterId) => Base64Url.EncodeToString(BitConverter.GetBytes(afterId));
}
