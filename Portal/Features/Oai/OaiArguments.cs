using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Oai;

/// <summary>An OAI-PMH error condition: one of the protocol's codes and a sentence for the harvester's operator.</summary>
public sealed record OaiError(string Code, string Message)
{
    public const string BadArgument = "badArgument";
    public const string BadResumptionToken = "badResumptionToken";
    public const string BadVerb = "badVerb";
    public const string CannotDisseminateFormat = "cannotDisseminateFormat";
    public const string IdDoesNotExist = "idDoesNotExist";
    public const string NoRecordsMatch = "noRecordsMatch";
    public const string NoSetHierarchy = "noSetHierarchy";
}

/// <summary>
/// A request's verb and arguments, checked against what the verb allows: an unknown, missing or repeated verb
/// is <c>badVerb</c>; an argument the verb does not take, a repeated or empty one, a missing required one or a
/// resumption token with anything else is <c>badArgument</c>. Either way the response echoes no arguments.
/// </summary>
public sealed partial class OaiArguments
{
    public const string Identify = "Identify";
    public const string ListMetadataFormats = "ListMetadataFormats";
    public const string ListSets = "ListSets";
    public const string GetRecord = "GetRecord";
    public const string ListIdentifiers = "ListIdentifiers";
    public const string ListRecords = "ListRecords";

    private static readonly Dictionary<string, (string[] Required, string[] Optional, bool Resumable)> Verbs = new(StringComparer.Ordinal)
    {
        [Identify] = ([], [], false),
        [ListMetadataFormats] = ([], ["identifier"], false),
        [ListSets] = ([], [], true),
        [GetRecord] = (["identifier", "metadataPrefix"], [], false),
        [ListIdentifiers] = (["metadataPrefix"], ["from", "until", "set"], true),
        [ListRecords] = (["metadataPrefix"], ["from", "until", "set"], true),
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private OaiArguments()
    {
    }

    public string? Verb { get; private set; }

    public List<OaiError> Errors { get; } = [];

    /// <summary>Whether the request was well formed (no badVerb or badArgument), so the response may echo it.</summary>
    public bool IsWellFormed { get; private set; }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? this[string name] => _values.GetValueOrDefault(name);

    public static OaiArguments Parse(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var arguments = new OaiArguments();
        // Characters XML cannot carry would break the response that echoes the request; they match nothing anyway.
        var all = pairs.Select(p => new KeyValuePair<string, StringValues>(TextCharacters.ReplaceNonText(p.Key),
            new StringValues([.. p.Value.Select(v => v is null ? null : TextCharacters.ReplaceNonText(v))]))).ToList();
        var verbs = all.Where(p => p.Key == "verb").SelectMany(p => p.Value).ToList();
        if (verbs.Count != 1 || !Verbs.TryGetValue(verbs[0] ?? "", out var rule))
        {
            arguments.Errors.Add(new OaiError(OaiError.BadVerb, verbs.Count switch
            {
                0 => "The request names no verb: use verb=Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers or ListRecords.",
                1 => $"“{InputEcho.Shorten(verbs[0] ?? "")}” is not an OAI-PMH verb: use Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers or ListRecords.",
                _ => "The verb is given more than once.",
            }));
            return arguments;
        }
        arguments.Verb = verbs[0];
        foreach (var (name, values) in all.Where(p => p.Key != "verb"))
        {
            var allowed = rule.Required.Contains(name) || rule.Optional.Contains(name) || (rule.Resumable && name == "resumptionToken");
            if (!allowed)
            {
                arguments.Errors.Add(new OaiError(OaiError.BadArgument, $"{arguments.Verb} takes no argument “{InputEcho.Shorten(name)}”."));
            }
            else if (values.Count != 1)
            {
                arguments.Errors.Add(new OaiError(OaiError.BadArgument, $"The argument {name} is given more than once."));
            }
            else if (string.IsNullOrEmpty(values[0]))
            {
                arguments.Errors.Add(new OaiError(OaiError.BadArgument, $"The argument {name} has no value."));
            }
            else
            {
                arguments._values[name] = values[0]!;
            }
        }
        if (arguments.Errors.Count == 0)
        {
            if (arguments._values.ContainsKey("resumptionToken"))
            {
                if (arguments._values.Count > 1)
                {
                    arguments.Errors.Add(new OaiError(OaiError.BadArgument, "resumptionToken is an exclusive argument: send it with the verb only."));
                }
            }
            else
            {
                foreach (var missing in rule.Required.Where(r => !arguments._values.ContainsKey(r)))
                {
                    arguments.Errors.Add(new OaiError(OaiError.BadArgument, $"{arguments.Verb} needs the argument {missing}."));
                }
            }
        }
        arguments.CheckSyntax();
        arguments.IsWellFormed = arguments.Errors.Count == 0;
        return arguments;
    }

    /// <summary>Values that could never be valid (and so would not fit the response's request element) are bad arguments.</summary>
    private void CheckSyntax()
    {
        if (this["metadataPrefix"] is { } prefix && !MetadataPrefixPattern().IsMatch(prefix))
        {
            Errors.Add(new OaiError(OaiError.BadArgument, $"“{InputEcho.Shorten(prefix)}” is not a metadata prefix."));
        }
        if (this["set"] is { } set && !SetSpecPattern().IsMatch(set))
        {
            Errors.Add(new OaiError(OaiError.BadArgument, $"“{InputEcho.Shorten(set)}” is not a set spec such as ga or ga:75."));
        }
        var from = Datestamp("from");
        var until = Datestamp("until");
        if (from is { } start && until is { } end)
        {
            if (start.DayOnly != end.DayOnly)
            {
                Errors.Add(new OaiError(OaiError.BadArgument, "from and until must have the same granularity (both days or both seconds)."));
            }
            else if (start.Instant > end.Instant)
            {
                Errors.Add(new OaiError(OaiError.BadArgument, "from is later than until."));
            }
        }
    }

    /// <summary>from, inclusive, as an instant: the day's first second, or the second given.</summary>
    public DateTimeOffset? From => Datestamp("from", record: false)?.Instant;

    /// <summary>until, inclusive of the whole day or second it names, as the first instant after it.</summary>
    public DateTimeOffset? UntilBefore => Datestamp("until", record: false) is { } until
        && (until.DayOnly ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1)) is var step
        && until.Instant < DateTimeOffset.MaxValue - step ? until.Instant + step : null;

    private (DateTimeOffset Instant, bool DayOnly)? Datestamp(string name, bool record = true)
    {
        if (this[name] is not { } text)
        {
            return null;
        }
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out var day))
        {
            return (day, true);
        }
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, utc, out var second))
        {
            return (second, false);
        }
        if (record)
        {
            Errors.Add(new OaiError(OaiError.BadArgument, $"{name} “{InputEcho.Shorten(text)}” is not a UTC datestamp such as 2021-03-30 or 2021-03-30T12:00:00Z."));
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+\z")]
    private static partial Regex MetadataPrefixPattern();

    [GeneratedRegex(@"^([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*\z")]
    private static partial Regex SetSpecPattern();
}
