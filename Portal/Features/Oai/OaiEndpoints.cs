using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Features.Oai;

/// <summary>
/// The OAI-PMH 2.0 repository at <c>/oai</c> (GET, or POST with a form body): Identify, ListMetadataFormats,
/// ListSets, GetRecord, ListIdentifiers and ListRecords in <c>oai_dc</c> and <c>marcxml</c>, sets per organ and per
/// session or year, datestamps from each document's <c>ChangedAt</c> to the second, stateless resumption tokens
/// (<see cref="OaiResumptionTokens"/>). Harvesting is anonymous: only what the public may see, and documents it
/// could see once as deleted records (<see cref="OaiQueries"/>).
/// </summary>
public static class OaiEndpoints
{
    public const string Path = "/oai";

    public static IEndpointRouteBuilder MapOaiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, OaiProtocol protocol) =>
                protocol.AnswerAsync(http, http.Request.Query))
            .ExcludeFromDescription().RequireCors(PublicReadCors.Policy);
        app.MapPost(Path, async (HttpContext http, OaiProtocol protocol) =>
            {
                IEnumerable<KeyValuePair<string, StringValues>> arguments = [];
                if (http.Request.HasFormContentType)
                {
                    try
                    {
                        arguments = await http.Request.ReadFormAsync(http.RequestAborted);
                    }
                    catch (InvalidDataException)
                    {
                        arguments = [new("verb", "")];
                    }
                    catch (BadHttpRequestException e)
                    {
                        // A body cut short, too slow or badly chunked: nothing to answer in the protocol's terms.
                        return Results.Problem(statusCode: e.StatusCode, title: "Unreadable request body",
                            detail: "The form body of this OAI-PMH request could not be read; send it again whole, or use GET.");
                    }
                }
                return await protocol.AnswerAsync(http, arguments);
            })
            // A harvester's POST is a read like its GET: no cookie-bound state changes, so no antiforgery token.
            .DisableAntiforgery().ExcludeFromDescription().RequireCors(PublicReadCors.Policy);
        return app;
    }
}

/// <summary>Answers one OAI-PMH request with an XML document valid against OAI-PMH.xsd.</summary>
public sealed class OaiProtocol(OaiQueries queries, OaiResumptionTokens tokens, IOptions<OaiOptions> options)
{
    private const string Namespace = "http://www.openarchives.org/OAI/2.0/";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Granularity = "YYYY-MM-DDThh:mm:ssZ";

    public async Task<IResult> AnswerAsync(HttpContext http, IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        // Set names and record fields are in English whatever the interface language of the caller.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var arguments = OaiArguments.Parse(pairs);
        var completeThrough = CompleteThrough(DateTimeOffset.UtcNow);
        var writes = arguments.Errors.Count > 0 ? null : arguments.Verb switch
        {
            OaiArguments.Identify => await IdentifyAsync(http),
            OaiArguments.ListMetadataFormats => await ListMetadataFormatsAsync(http, arguments),
            OaiArguments.ListSets => await ListSetsAsync(arguments),
            OaiArguments.GetRecord => await GetRecordAsync(http, arguments),
            _ => await ListAsync(http, arguments, completeThrough, withMetadata: arguments.Verb == OaiArguments.ListRecords),
        };
        return Respond(http, arguments, completeThrough, writes);
    }

    /// <summary>
    /// The response date: the last whole second before the changes still settling (<see cref="SettledChanges"/>).
    /// A new list stops there (an <c>until</c> later than it, or none, is capped to it), so a harvester that passes a
    /// response's date as its next <c>from</c> misses no change committed late with an earlier time.
    /// </summary>
    private static DateTimeOffset CompleteThrough(DateTimeOffset now)
    {
        var settled = SettledChanges.Through(now).ToUniversalTime();
        return new DateTimeOffset(settled.Ticks - settled.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>The repository's identifiers: <c>oai:&lt;host&gt;:&lt;document id&gt;</c>, the host being the portal's public one.</summary>
    public static string Identifier(HttpContext http, int id) => $"{IdentifierPrefix(http)}{id.ToString(CultureInfo.InvariantCulture)}";

    private static string IdentifierPrefix(HttpContext http) => $"oai:{new Uri(RequestUrls.Absolute(http, "/")).Host}:";

    private static int? DocumentId(HttpContext http, string identifier)
    {
        var prefix = IdentifierPrefix(http);
        return identifier.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(identifier.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static string Datestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static OaiFormat? Format(string prefix) => OaiMetadataWriter.Formats.FirstOrDefault(f => f.Prefix == prefix);

    /// <summary><c>ga</c> or <c>ga:75</c> as a set, or null when no such set can exist.</summary>
    private static OaiSet? ParseSet(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length > 2 || !SessionNames.TryParseSlug(parts[0], out var organ) || SessionNames.Slug(organ) != parts[0])
        {
            return null;
        }
        if (parts.Length == 1)
        {
            return new OaiSet(organ, null);
        }
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number.ToString(CultureInfo.InvariantCulture) == parts[1]
            ? new OaiSet(organ, number)
            : null;
    }

    private static string SetSpec(Organ organ, int? number = null) =>
        number is { } n ? $"{SessionNames.Slug(organ)}:{n.ToString(CultureInfo.InvariantCulture)}" : SessionNames.Slug(organ);

    private async Task<Action<XmlWriter>> IdentifyAsync(HttpContext http)
    {
        var earliest = await queries.EarliestChangeAsync(http.RequestAborted) ?? DateTimeOffset.UnixEpoch;
        var settings = options.Value;
        return writer =>
        {
            writer.WriteStartElement("Identify", Namespace);
            writer.WriteElementString("repositoryName", Namespace, settings.RepositoryName);
            writer.WriteElementString("baseURL", Namespace, RequestUrls.Absolute(http, OaiEndpoints.Path));
            writer.WriteElementString("protocolVersion", Namespace, "2.0");
            writer.WriteElementString("adminEmail", Namespace, settings.AdminEmail);
            writer.WriteElementString("earliestDatestamp", Namespace, Datestamp(earliest));
            // Nothing stored is ever removed: a document the public could see once stays a deleted record for good.
            writer.WriteElementString("deletedRecord", Namespace, "persistent");
            writer.WriteElementString("granularity", Namespace, Granularity);
            writer.WriteEndElement();
        };
    }

    private async Task<Action<XmlWriter>?> ListMetadataFormatsAsync(HttpContext http, OaiArguments arguments)
    {
        if (arguments["identifier"] is { } identifier
            && (DocumentId(http, identifier) is not { } id || await queries.GetHeaderAsync(id, http.RequestAborted) is null))
        {
            arguments.Errors.Add(new OaiError(OaiError.IdDoesNotExist, $"The repository holds no item “{InputEcho.Shorten(identifier)}”."));
            return null;
        }
        return writer =>
        {
            writer.WriteStartElement("ListMetadataFormats", Namespace);
            foreach (var format in OaiMetadataWriter.Formats)
            {
                writer.WriteStartElement("metadataFormat", Namespace);
                writer.WriteElementString("metadataPrefix", Namespace, format.Prefix);
                writer.WriteElementString("schema", Namespace, format.Schema);
                writer.WriteElementString("metadataNamespace", Namespace, format.Namespace);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        };
    }

    private async Task<Action<XmlWriter>?> ListSetsAsync(OaiArguments arguments)
    {
        if (arguments["resumptionToken"] is not null)
        {
            arguments.Errors.Add(new OaiError(OaiError.BadResumptionToken, "The list of sets comes whole; this repository issued no resumption token for it."));
            return null;
        }
        var sessions = await queries.ListSessionsAsync(CancellationToken.None);
        if (sessions.Count == 0)
        {
            arguments.Errors.Add(new OaiError(OaiError.NoSetHierarchy, "The repository has no sessions yet, so no sets."));
            return null;
        }
        return writer =>
        {
            writer.WriteStartElement("ListSets", Namespace);
            foreach (var organ in sessions.GroupBy(s => s.Organ))
            {
                Set(writer, SetSpec(organ.Key), SessionNames.OrganName(organ.Key));
                foreach (var (_, number) in organ)
                {
                    Set(writer, SetSpec(organ.Key, number), SessionNames.Label(organ.Key, number));
                }
            }
            writer.WriteEndElement();
        };
    }

    private static void Set(XmlWriter writer, string spec, string name)
    {
        writer.WriteStartElement("set", Namespace);
        writer.WriteElementString("setSpec", Namespace, spec);
        writer.WriteElementString("setName", Namespace, name);
        writer.WriteEndElement();
    }

    private async Task<Action<XmlWriter>?> GetRecordAsync(HttpContext http, OaiArguments arguments)
    {
        var format = Format(arguments["metadataPrefix"]!);
        if (format is null)
        {
            arguments.Errors.Add(CannotDisseminate(arguments["metadataPrefix"]!));
        }
        var identifier = arguments["identifier"]!;
        var header = DocumentId(http, identifier) is { } id ? await queries.GetHeaderAsync(id, http.RequestAborted) : null;
        if (header is null)
        {
            arguments.Errors.Add(new OaiError(OaiError.IdDoesNotExist, $"The repository holds no item “{InputEcho.Shorten(identifier)}”."));
        }
        if (format is null || header is null)
        {
            return null;
        }
        var documents = header.Deleted ? new Dictionary<int, OaiDocument>() : await queries.GetDocumentsAsync([header.Id], http.RequestAborted);
        return writer =>
        {
            writer.WriteStartElement("GetRecord", Namespace);
            Record(writer, http, format, header, documents);
            writer.WriteEndElement();
        };
    }

    private static OaiError CannotDisseminate(string prefix) =>
        new(OaiError.CannotDisseminateFormat, $"The repository does not disseminate “{InputEcho.Shorten(prefix)}”: use oai_dc or marcxml.");

    private async Task<Action<XmlWriter>?> ListAsync(HttpContext http, OaiArguments arguments, DateTimeOffset completeThrough, bool withMetadata)
    {
        OaiListState state;
        var resumed = arguments["resumptionToken"] is not null;
        if (resumed)
        {
            if (tokens.Read(arguments["resumptionToken"]!) is not { } read || Format(read.MetadataPrefix) is null)
            {
                arguments.Errors.Add(new OaiError(OaiError.BadResumptionToken, "The resumption token is not one this repository issued, or it was altered."));
                return null;
            }
            state = read;
        }
        else
        {
            var prefix = arguments["metadataPrefix"]!;
            if (Format(prefix) is null)
            {
                arguments.Errors.Add(CannotDisseminate(prefix));
                return null;
            }
            // A resumed list keeps the cap of its first part, carried in the token.
            var untilBefore = arguments.UntilBefore is { } requested && requested < completeThrough ? requested : completeThrough;
            state = new OaiListState(prefix, arguments["set"], arguments.From, untilBefore, DateTimeOffset.MinValue, 0, 0);
        }

        var format = Format(state.MetadataPrefix)!;
        var set = state.Set is null ? null : ParseSet(state.Set);
        var (headers, hasMore) = state.Set is not null && set is null
            ? ([], false)
            : await queries.ListAsync(set, state.From, state.UntilBefore, resumed ? (state.AfterChangedAt, state.AfterId) : null, options.Value.PageSize, http.RequestAborted);
        if (headers.Count == 0)
        {
            arguments.Errors.Add(new OaiError(OaiError.NoRecordsMatch, "No records match these arguments."));
            return null;
        }
        var documents = withMetadata
            ? await queries.GetDocumentsAsync(headers.Where(h => !h.Deleted).Select(h => h.Id).ToList(), http.RequestAborted)
            : new Dictionary<int, OaiDocument>();
        var next = hasMore
            ? tokens.Issue(state with { AfterChangedAt = headers[^1].ChangedAt, AfterId = headers[^1].Id, Cursor = state.Cursor + headers.Count })
            : null;
        return writer =>
        {
            writer.WriteStartElement(withMetadata ? OaiArguments.ListRecords : OaiArguments.ListIdentifiers, Namespace);
            foreach (var header in headers)
            {
                if (withMetadata)
                {
                    Record(writer, http, format, header, documents);
                }
                else
                {
                    Header(writer, http, header, header.Deleted);
                }
            }
            // The last part of a resumed list carries an empty token: the list is complete.
            if (next is not null || resumed)
            {
                writer.WriteStartElement("resumptionToken", Namespace);
                writer.WriteAttributeString("cursor", state.Cursor.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(next ?? "");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        };
    }

    private static void Record(XmlWriter writer, HttpContext http, OaiFormat format, OaiHeader header, IReadOnlyDictionary<int, OaiDocument> documents)
    {
        // A document that stopped being public between the list and the metadata read is written as deleted.
        var document = header.Deleted ? null : documents.GetValueOrDefault(header.Id);
        writer.WriteStartElement("record", Namespace);
        Header(writer, http, header, document is null);
        if (document is not null)
        {
            writer.WriteStartElement("metadata", Namespace);
            OaiMetadataWriter.Write(writer, format, document, path => RequestUrls.Absolute(http, path));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void Header(XmlWriter writer, HttpContext http, OaiHeader header, bool deleted)
    {
        writer.WriteStartElement("header", Namespace);
        if (deleted)
        {
            writer.WriteAttributeString("status", "deleted");
        }
        writer.WriteElementString("identifier", Namespace, Identifier(http, header.Id));
        writer.WriteElementString("datestamp", Namespace, Datestamp(header.ChangedAt));
        foreach (var spec in header.Sessions.SelectMany(s => new[] { SetSpec(s.Organ), SetSpec(s.Organ, s.Number) }).Distinct())
        {
            writer.WriteElementString("setSpec", Namespace, spec);
        }
        writer.WriteEndElement();
    }

    private static IResult Respond(HttpContext http, OaiArguments arguments, DateTimeOffset responseDate, Action<XmlWriter>? body)
    {
        var bytes = TextOnlyXmlWriter.Write(writer =>
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("OAI-PMH", Namespace);
            writer.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
            writer.WriteAttributeString("xsi", "schemaLocation", SchemaInstance, $"{Namespace} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            writer.WriteElementString("responseDate", Namespace, Datestamp(responseDate));
            writer.WriteStartElement("request", Namespace);
            // After badVerb or badArgument the request element carries the base URL only.
            if (arguments.IsWellFormed)
            {
                writer.WriteAttributeString("verb", arguments.Verb);
                foreach (var (name, value) in arguments.Values.Where(v => v.Key != "identifier" || Uri.TryCreate(v.Value, UriKind.Absolute, out _)))
                {
                    writer.WriteAttributeString(name, value);
                }
            }
            writer.WriteString(RequestUrls.Absolute(http, OaiEndpoints.Path));
            writer.WriteEndElement();
            if (arguments.Errors.Count > 0 || body is null)
            {
                foreach (var error in arguments.Errors)
                {
                    writer.WriteStartElement("error", Namespace);
                    writer.WriteAttributeString("code", error.Code);
                    writer.WriteString(error.Message);
                    writer.WriteEndElement();
                }
            }
            else
            {
                body(writer);
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        });
        // OAI-PMH answers every request, errors included, with 200 and text/xml.
        return Results.Bytes(bytes, "text/xml; charset=utf-8");
    }
}
