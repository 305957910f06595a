using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Features.Search;
using Portal.Localization;

namespace Portal.Features.Alerts;

/// <summary>A target as stored: its kind and canonical value, and the words that name it in pages and messages.</summary>
public sealed record AlertTargetValue(AlertTarget Kind, string Value)
{
    /// <summary>The form field's spelling: <c>item:ga-75-71</c>, <c>session:sc-2021</c>, <c>organ:ga</c>, <c>sender:Demoland</c>, <c>symbol:A/C.3/75/L.*</c>, <c>search:q=mines&amp;lang=fr</c>.</summary>
    public override string ToString() => $"{AlertTargets.Prefix(Kind)}:{Value}";

    public string Description => AlertTargets.Describe(this);
}

/// <summary>Reads, checks and names what a subscription follows.</summary>
public static class AlertTargets
{
    public const int MaxValueLength = 400;

    public static string Prefix(AlertTarget kind) => kind switch
    {
        AlertTarget.AgendaItem => "item",
        AlertTarget.Session => "session",
        AlertTarget.Organ => "organ",
        AlertTarget.Sender => "sender",
        AlertTarget.SymbolFamily => "symbol",
        _ => "search",
    };

    /// <summary>Reads a target written as in <see cref="AlertTargetValue.ToString"/>; the error says what is wrong.</summary>
    public static bool TryParse(string? text, out AlertTargetValue target, out string error)
    {
        target = null!;
        error = "";
        var parts = (text ?? "").Split(':', 2);
        if (parts.Length != 2 || parts[1].Length > MaxValueLength)
        {
            error = "Choose what to follow: an agenda item, a session, an organ, a sender, a symbol family or a search.";
            return false;
        }
        var value = parts[1].Trim();
        switch (parts[0].Trim().ToLowerInvariant())
        {
            case "item" when ParseItem(value) is { } item:
                target = new(AlertTarget.AgendaItem, item.ToString());
                return true;
            case "session" when ParseSession(value) is { } session:
                target = new(AlertTarget.Session, session.ToString());
                return true;
            case "organ" when SessionNames.TryParseSlug(value, out var organ):
                target = new(AlertTarget.Organ, SessionNames.Slug(organ));
                return true;
            case "sender" when value.Length is > 0 and <= 100:
                target = new(AlertTarget.Sender, value);
                return true;
            case "symbol" when SymbolFamilyPrefix(value) is { } prefix:
                target = new(AlertTarget.SymbolFamily, prefix + "*");
                return true;
            case "search" when ParseSearch(value) is { } search:
                target = new(AlertTarget.Search, search);
                return true;
            case "symbol":
                error = "Write a symbol family as the start of its symbols followed by *, for example A/C.3/75/L.* or S/2021/*.";
                return false;
            case "search":
                error = "A saved search needs words to search for.";
                return false;
            default:
                error = "This agenda item, session, organ or sender is not one the portal knows.";
                return false;
        }
    }

    /// <summary>The upper-case start of a family's symbol keys ("A/C.3/75/L."), or null when the text is not "start*".</summary>
    public static string? SymbolFamilyPrefix(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length < 3 || !compact.EndsWith('*') || compact[..^1].Contains('*') || !compact.Contains('/'))
        {
            return null;
        }
        return compact[..^1];
    }

    public static AgendaItemKey? ParseItem(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 3 && SessionNames.TryParseSlug(parts[0], out var organ) && int.TryParse(parts[1], out var session) && int.TryParse(parts[2], out var number)
            && session is > 0 and < 10_000 && number is > 0 and < 10_000
            ? new AgendaItemKey(organ, session, number)
            : null;
    }

    public static SessionKey? ParseSession(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2 && SessionNames.TryParseSlug(parts[0], out var organ) && int.TryParse(parts[1], out var number) && number is > 0 and < 10_000
            ? new SessionKey(organ, number)
            : null;
    }

    /// <summary>The search's filters as <c>/search</c> writes them (without the page), or null when it has no words.</summary>
    public static string? ParseSearch(string text) => SearchFilter(text) is { } filter ? SearchQueryString.Url(filter).Split('?', 2)[^1] : null;

    public static SearchFilter? SearchFilter(string queryString)
    {
        var filter = SearchQueryString.Parse(queryString) with { Page = 1 };
        return string.IsNullOrWhiteSpace(filter.Query) || filter.Query.Length > 200 ? null : filter;
    }

    public static string Describe(AlertTargetValue target)
    {
        switch (target.Kind)
        {
            case AlertTarget.AgendaItem when ParseItem(target.Value) is { } item:
                return InterfaceText.Format("AlertTargetAgendaItem", item.Number, SessionNames.Label(item.Organ, item.Session));
            case AlertTarget.Session when ParseSession(target.Value) is { } session:
                return InterfaceText.Format("AlertTargetSession", SessionNames.Label(session.Organ, session.Number));
            case AlertTarget.Organ when SessionNames.TryParseSlug(target.Value, out var organ):
                return InterfaceText.Format("AlertTargetOrgan", SessionNames.OrganName(organ));
            case AlertTarget.Sender:
                return InterfaceText.Format("AlertTargetSender", target.Value);
            case AlertTarget.SymbolFamily:
                return InterfaceText.Format("AlertTargetSymbols", target.Value);
            case AlertTarget.Search when SearchFilter(target.Value) is { } filter:
                return InterfaceText.Format(filter.HasFilters ? "AlertTargetSearchFiltered" : "AlertTargetSearch", filter.Query);
            default:
                return target.Value;
        }
    }

    /// <summary>The page of what is followed, for the messages' and the subscriptions page's links.</summary>
    public static string? PageUrl(AlertTargetValue target) => target.Kind switch
    {
        AlertTarget.AgendaItem when ParseItem(target.Value) is { } item => SiteUrls.AgendaItem(item.Organ, item.Session, item.Number),
        AlertTarget.Session when ParseSession(target.Value) is { } session => SiteUrls.Session(session.Organ, session.Number),
        AlertTarget.Search => SiteUrls.SearchPath + "?" + target.Value,
        _ => null,
    };
}
