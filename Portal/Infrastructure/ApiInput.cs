using System.Buffers.Text;
using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Infrastructure;

/// <summary>
/// Reads API query parameters strictly, by the rules the pages apply too (<see cref="QueryValues"/>): a program
/// is told at once (400, problem+json, one line per bad parameter) instead of receiving an unfiltered answer
/// it would take for the filtered one. The pages' counterpart, with translated sentences, is <see cref="QueryInput"/>.
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
        if (QueryValues.TrySession(text, out var session))
        {
            return (session.Organ, session.Number);
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
        if (QueryValues.TryAgendaItem(text, out var item))
        {
            return (item.Organ, item.Session, item.Number);
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
        if (QueryValues.TryEnum<T>(text, out var value))
        {
            return value;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not one of {QueryValues.NamesOf<T>()}");
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

    /// <summary>A date from <paramref name="min"/> to <paramref name="max"/> when they are given.</summary>
    public DateOnly? Date(string name, string? text, DateOnly? min = null, DateOnly? max = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!QueryValues.TryDate(text, out var date))
        {
            Add(name, $"“{InputEcho.Shorten(text)}” is not a date such as 2021-03-30");
            return null;
        }
        if (date < min || date > max)
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"“{InputEcho.Shorten(text)}” is not a date from {min ?? DateOnly.MinValue:yyyy-MM-dd} to {max ?? DateOnly.MaxValue:yyyy-MM-dd}"));
            return null;
        }
        return date;
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
        if (QueryValues.TryPage(text, out var page))
        {
            return page;
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not a page number from 1 to {QueryValues.MaxPage}");
        return 1;
    }

    /// <summary>
    /// An instant with its offset (<c>2026-12-01T00:00:00Z</c>, <c>2026-12-01T09:30:00+01:00</c>), in UTC;
    /// a time without an offset is refused, since the caller's zone would be a guess.
    /// </summary>
    public DateTimeOffset? Instant(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var hasOffset = time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], time) > 0);
        if (hasOffset && text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
            && char.IsDigit(text[0]) && text[4] == '-')
        {
            return instant.ToUniversalTime();
        }
        Add(name, $"“{InputEcho.Shorten(text)}” is not an instant with its offset, such as 2026-12-01T00:00:00Z");
        return null;
    }

    /// <summary>
    /// Where a page starts: after a document id (the plain list) or after a change (time and id, with
    /// <c>changedSince</c>). A cursor of the other kind is refused, so a client cannot mix the two walks.
    /// </summary>
    public ApiCursor Cursor(string? text, bool changes)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ApiCursor.Start;
        }
        Span<byte> bytes = stackalloc byte[16];
        // TryDecodeFromChars throws, rather than answering false, on text that is not base64url at all.
        if (text.Length <= 20 && Base64Url.IsValid(text) && Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            if (!changes && written == 4 && BitConverter.ToInt32(bytes[..4]) is var id and >= 0)
            {
                return new ApiCursor(id, null);
            }
            if (changes && written == 12 && BitConverter.ToInt32(bytes[8..12]) is var changedId and >= 0
                && BitConverter.ToInt64(bytes[..8]) is var ticks and >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return new ApiCursor(changedId, new DateTimeOffset(ticks, TimeSpan.Zero));
            }
        }
        Add("cursor", changes
            ? "is not a cursor this API gave out for a changedSince list; start without one, then follow next"
            : "is not a cursor this API gave out; start without one, then follow next");
        return ApiCursor.Start;
    }

    /// <summary>An opaque cursor: clients pass back what <c>nextCursor</c> gave them, and should not build their own.</summary>
    public static string EncodeCursor(int afterId) => Base64Url.EncodeToString(BitConverter.GetBytes(afterId));

    /// <summary>The cursor of a changedSince list: the change time and id of the last document of a page.</summary>
    public static string EncodeCursor(DateTimeOffset changedAt, int afterId) =>
        Base64Url.EncodeToString([.. BitConverter.GetBytes(changedAt.UtcTicks), .. BitConverter.GetBytes(afterId)]);
}

/// <summary>Where a list page starts: after <paramref name="AfterId"/>, and in a changes list after <paramref name="AfterChange"/> too.</summary>
public sealed record ApiCursor(int AfterId, DateTimeOffset? AfterChange)
{
    public static ApiCursor Start { get; } = new(0, null);
}
