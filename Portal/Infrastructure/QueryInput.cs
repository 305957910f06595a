using System.Globalization;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Localization;

namespace Portal.Infrastructure;

/// <summary>
/// Reads a page's query values by the rules the API applies (<see cref="QueryValues"/>): an absent or empty value
/// is the default, a value that cannot be read is the default too but leaves a sentence in <see cref="Problems"/>,
/// in the interface language, naming the parameter and echoing the value. A page with problems answers 400 and
/// shows them above its form (<c>QueryProblems</c>), instead of quietly answering for a filter it did not apply.
/// </summary>
public sealed class QueryInput
{
    private readonly List<QueryProblem> _problems = [];

    /// <summary>One per value that could not be read, in the order read.</summary>
    public IReadOnlyList<QueryProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

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
        Add("QueryNotAPage", name, text, QueryValues.MaxPage);
        return 1;
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
            Add("QueryNotADate", name, text);
            return null;
        }
        if (date < min || date > max)
        {
            Add("QueryDateOutOfRange", name, text, Iso(min ?? DateOnly.MinValue), Iso(max ?? DateOnly.MaxValue));
            return null;
        }
        return date;
    }

    public SessionKey? Session(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (QueryValues.TrySession(text, out var session))
        {
            return session;
        }
        Add("QueryNotASession", name, text);
        return null;
    }

    public AgendaItemKey? AgendaItem(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (QueryValues.TryAgendaItem(text, out var item))
        {
            return item;
        }
        Add("QueryNotAnAgendaItem", name, text);
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
        Add("QueryNotAnOrgan", name, text);
        return null;
    }

    /// <summary>A UN language code (<c>ch</c> reads as <c>zh</c>).</summary>
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
        Add("QueryNotALanguage", name, text);
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
        Add("QueryNotOneOf", name, text, QueryValues.NamesOf<T>());
        return null;
    }

    /// <summary>One of a few words (<c>asc</c>, <c>desc</c>), in any case; returned in lower case.</summary>
    public string? OneOf(string name, string? text, params string[] choices)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }
        Add("QueryNotOneOf", name, text, string.Join(", ", choices));
        return null;
    }

    /// <summary>Free text, trimmed; blank is absent, and text longer than <paramref name="maxLength"/> is refused.</summary>
    public string? Text(string name, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Add("QueryTooLong", name, text, maxLength);
            return null;
        }
        return text.Trim();
    }

    /// <summary>A letter of an agenda sub-item (<c>a</c>, <c>(b)</c>).</summary>
    public string? SubItem(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (AgendaSubItem.TryParseLetter(text, out var letter))
        {
            return letter;
        }
        Add("QueryNotASubItem", name, text);
        return null;
    }

    private void Add(string key, string name, string text, params object[] more) =>
        _problems.Add(new QueryProblem(key, name, InputEcho.Shorten(text), more));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A query value a page could not read: the parameter's <see cref="Name"/>, the <see cref="Value"/> as given
/// (shortened by <see cref="InputEcho"/>) and the sentence that says why, <see cref="Key"/> in <see cref="InterfaceText"/>,
/// whose <c>{0}</c> is the name, <c>{1}</c> the value and the rest <see cref="More"/>.
/// </summary>
public sealed record QueryProblem(string Key, string Name, string Value, object[] More)
{
    private const char NameMark = '\uE000';
    private const char ValueMark = '\uE001';

    /// <summary>The sentence in the interface language, in parts, so a page can mark the name as code and isolate the value (<c>&lt;bdi&gt;</c>) in right-to-left text.</summary>
    public IEnumerable<(string Text, QueryProblemPart Part)> Parts()
    {
        var marked = InterfaceText.Format(Key, [NameMark.ToString(), ValueMark.ToString(), .. More]);
        var start = 0;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] is NameMark or ValueMark)
            {
                if (i > start)
                {
                    yield return (marked[start..i], QueryProblemPart.Text);
                }
                yield return marked[i] == NameMark ? (Name, QueryProblemPart.Name) : (Value, QueryProblemPart.Value);
                start = i + 1;
            }
        }
        if (start < marked.Length)
        {
            yield return (marked[start..], QueryProblemPart.Text);
        }
    }

    /// <summary>The sentence as plain text.</summary>
    public override string ToString() => InterfaceText.Format(Key, [Name, Value, .. More]);
}

public enum QueryProblemPart
{
    Text,
    Name,
    Value,
}
