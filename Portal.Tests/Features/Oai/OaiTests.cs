using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Oai;

/// <summary>
/// The OAI-PMH repository on the demo data, three records a page so that lists need resumption tokens. Every
/// answer is validated against the published OAI-PMH, oai_dc (+ simple DC) and MARC21-slim schemas.
/// </summary>
public class OaiTests(OaiTests.Fixture fixture) : IClassFixture<OaiTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory, IAsyncLifetime
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:Oai:PageSize", "3")];

        /// <summary>Lists hold back changes younger than the settle time: the tests start once the demo data has settled.</summary>
        public async ValueTask InitializeAsync() => await SettleAsync();

        /// <summary>Waits until every change made so far is old enough for lists to show it.</summary>
        public async Task SettleAsync()
        {
            await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var newest = (await db.Documents.Select(d => d.ChangedAt).ToListAsync()).Max();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (SettledChanges.Through(DateTimeOffset.UtcNow) < newest.AddSeconds(1))
            {
                await Task.Delay(100, timeout.Token);
            }
        }

        async ValueTask IAsyncDisposable.DisposeAsync() => await base.DisposeAsync();
    }

    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Marc = "http://www.loc.gov/MARC21/slim";

    private async Task<XDocument> GetAsync(string query)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/oai?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {response.StatusCode} {text}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return OaiSchemas.Validate(text);
    }

    private static string? ErrorCode(XDocument answer) => answer.Root!.Element(Oai + "error")?.Attribute("code")?.Value;

    private async Task<string> ErrorAsync(string query)
    {
        var answer = await GetAsync(query);
        return ErrorCode(answer) ?? throw new Xunit.Sdk.XunitException($"{query} answered without an error:\n{answer}");
    }

    private async Task<int> DocumentIdAsync(string symbol)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var key = UnSymbol.Parse(symbol).Key;
        return await db.DocumentSymbols.Where(s => s.Key == key).Select(s => s.DocumentId).SingleAsync();
    }

    private static string Identifier(int id) => $"oai:localhost:{id}";

    private sealed record Harvest(List<XElement> Items, List<string> Tokens, DateTimeOffset ResponseDate);

    private static DateTimeOffset ResponseDate(XDocument answer) =>
        DateTimeOffset.Parse(answer.Root!.Element(Oai + "responseDate")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string Datestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Follows resumption tokens from the first request to the empty token, as a harvester does.</summary>
    private async Task<Harvest> HarvestAsync(string verb, string arguments)
    {
        var items = new List<XElement>();
        var tokens = new List<string>();
        var answer = await GetAsync($"verb={verb}&{arguments}");
        var responseDate = ResponseDate(answer);
        var expectedCursor = 0;
        while (true)
        {
            Assert.Null(ErrorCode(answer));
            var list = answer.Root!.Element(Oai + verb)!;
            var page = list.Elements(Oai + (verb == "ListRecords" ? "record" : "header")).ToList();
            Assert.InRange(page.Count, 1, 3);
            items.AddRange(page);
            var token = list.Element(Oai + "resumptionToken");
            if (token is null || token.Value.Length == 0)
            {
                Assert.True(token is null == (tokens.Count == 0), "a resumed list ends with an empty token, a whole one with none");
                return new Harvest(items, tokens, responseDate);
            }
            Assert.Equal(expectedCursor.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Attribute("cursor")?.Value);
            expectedCursor += page.Count;
            tokens.Add(token.Value);
            answer = await GetAsync($"verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}");
        }
    }

    private static XElement HeaderOf(XElement item) => item.Name == Oai + "record" ? item.Element(Oai + "header")! : item;

    private static string IdentifierOf(XElement item) => HeaderOf(item).Element(Oai + "identifier")!.Value;

    private static bool IsDeleted(XElement item) => HeaderOf(item).Attribute("status")?.Value == "deleted";

    /// <summary>The ids the API lists to anonymous callers: the public catalogue.</summary>
    private async Task<HashSet<string>> PublicIdentifiersAsync()
    {
        using var client = fixture.CreateClient();
        var identifiers = new HashSet<string>();
        string? next = "/api/v1/documents?limit=200";
        while (next is not null)
        {
            using var page = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(next));
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                identifiers.Add(Identifier(item.GetProperty("id").GetInt32()));
            }
            next = page.RootElement.GetProperty("next").GetString()?.Replace("http://localhost", "");
        }
        return identifiers;
    }

    [Fact]
    public async Task IdentifyDescribesTheRepository()
    {
        var identify = (await GetAsync("verb=Identify")).Root!.Element(Oai + "Identify")!;

        Assert.Equal("http://localhost/oai", identify.Element(Oai + "baseURL")!.Value);
        Assert.Equal("2.0", identify.Element(Oai + "protocolVersion")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
        Assert.Equal("persistent", identify.Element(Oai + "deletedRecord")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", identify.Element(Oai + "earliestDatestamp")!.Value);
    }

    [Fact]
    public async Task ListMetadataFormatsNamesDublinCoreAndMarcxml()
    {
        var all = await GetAsync("verb=ListMetadataFormats");
        var prefixes = all.Descendants(Oai + "metadataPrefix").Select(p => p.Value).ToList();
        Assert.Equal(["oai_dc", "marcxml"], prefixes);
        Assert.Contains("http://www.loc.gov/MARC21/slim", all.Descendants(Oai + "metadataNamespace").Select(n => n.Value));

        var one = await GetAsync($"verb=ListMetadataFormats&identifier={Identifier(await DocumentIdAsync("A/75/950"))}");
        Assert.Equal(2, one.Descendants(Oai + "metadataFormat").Count());
        Assert.Equal("idDoesNotExist", await ErrorAsync("verb=ListMetadataFormats&identifier=oai:localhost:999999"));
        Assert.Equal("idDoesNotExist", await ErrorAsync($"verb=ListMetadataFormats&identifier={Identifier(await DocumentIdAsync("A/75/R.1"))}"));
    }

    [Fact]
    public async Task ListSetsGivesEachOrganAndItsSessions()
    {
        var sets = (await GetAsync("verb=ListSets")).Descendants(Oai + "set")
            .ToDictionary(s => s.Element(Oai + "setSpec")!.Value, s => s.Element(Oai + "setName")!.Value);

        Assert.Equal("General Assembly", sets["ga"]);
        Assert.Equal("General Assembly, 75th session", sets["ga:75"]);
        Assert.Equal("Security Council", sets["sc"]);
        Assert.Equal("Security Council, 2021", sets["sc:2021"]);
        Assert.Equal("badResumptionToken", await ErrorAsync("verb=ListSets&resumptionToken=abc"));
    }

    [Theory]
    [InlineData("ListRecords", "oai_dc")]
    [InlineData("ListRecords", "marcxml")]
    [InlineData("ListIdentifiers", "oai_dc")]
    public async Task PagingWithTokensGivesEveryPublicDocumentExactlyOnceAndNothingElse(string verb, string prefix)
    {
        var expected = await PublicIdentifiersAsync();
        var harvest = await HarvestAsync(verb, $"metadataPrefix={prefix}");

        Assert.True(harvest.Tokens.Count >= 2, "the demo data takes several pages of three");
        Assert.Equal(harvest.Tokens.Count, harvest.Tokens.Distinct().Count());
        var identifiers = harvest.Items.Select(IdentifierOf).ToList();
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.Equal(expected.Order(), harvest.Items.Where(i => !IsDeleted(i)).Select(IdentifierOf).Order());
        Assert.DoesNotContain(Identifier(await DocumentIdAsync("A/75/R.1")), identifiers);
        Assert.DoesNotContain(Identifier(await DocumentIdAsync("A/75/990")), identifiers);
        // Datestamps come in order, so a harvester can resume from the last one it saw.
        var datestamps = harvest.Items.Select(i => HeaderOf(i).Element(Oai + "datestamp")!.Value).ToList();
        Assert.Equal(datestamps.Order(StringComparer.Ordinal), datestamps);
        if (verb == "ListRecords")
        {
            Assert.All(harvest.Items.Where(i => !IsDeleted(i)), r => Assert.NotNull(r.Element(Oai + "metadata")));
        }
    }

    [Fact]
    public async Task GetRecordInMarcxmlCarriesTheDigitalLibraryFields()
    {
        var id = await DocumentIdAsync("A/75/950");
        var record = (await GetAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier={Identifier(id)}")).Descendants(Marc + "record").Single();
        string? Sub(string tag, string code) => record.Elements(Marc + "datafield").Where(f => f.Attribute("tag")!.Value == tag)
            .SelectMany(f => f.Elements(Marc + "subfield")).FirstOrDefault(s => s.Attribute("code")!.Value == code)?.Value;

        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Elements(Marc + "controlfield").Single(c => c.Attribute("tag")!.Value == "001").Value);
        Assert.Equal("A/75/950", Sub("191", "a"));
        Assert.Equal("A/", Sub("191", "b"));
        Assert.Equal("75", Sub("191", "c"));
        Assert.False(string.IsNullOrWhiteSpace(Sub("245", "a")));
        Assert.Matches(@"^\d{4}-\d\d-\d\d$", Sub("269", "a"));
        Assert.False(string.IsNullOrWhiteSpace(Sub("710", "a")));
        Assert.Matches(@"^\d+$", Sub("991", "b"));
        Assert.False(string.IsNullOrWhiteSpace(Sub("991", "d")));
        Assert.Matches("^(ara|chi|eng|fre|rus|spa)$", Sub("041", "a"));
        Assert.StartsWith("http://localhost/A/75/950/", Sub("856", "u"));
        Assert.False(string.IsNullOrWhiteSpace(Sub("856", "y")));
    }

    [Fact]
    public async Task GetRecordInDublinCoreGivesTitleSymbolPermalinkAndLanguages()
    {
        var id = await DocumentIdAsync("A/75/950");
        var answer = await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(id)}");
        var dc = answer.Descendants(XName.Get("dc", "http://www.openarchives.org/OAI/2.0/oai_dc/")).Single();

        Assert.Contains("A/75/950", dc.Elements(Dc + "identifier").Select(e => e.Value));
        Assert.Contains("http://localhost/A/75/950", dc.Elements(Dc + "identifier").Select(e => e.Value));
        Assert.NotEmpty(dc.Elements(Dc + "title"));
        Assert.NotEmpty(dc.Elements(Dc + "language"));
        Assert.Equal("GetRecord", answer.Root!.Element(Oai + "request")!.Attribute("verb")!.Value);
        Assert.Contains(answer.Descendants(Oai + "setSpec"), s => s.Value == "ga:75");
    }

    [Fact]
    public async Task RestrictedAndDraftDocumentsDoNotExistForHarvesters()
    {
        foreach (var symbol in new[] { "A/75/R.1", "A/75/990" })
        {
            var identifier = Identifier(await DocumentIdAsync(symbol));
            Assert.Equal("idDoesNotExist", await ErrorAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}"));
        }
        // Exactly as an identifier that was never issued.
        Assert.Equal("idDoesNotExist", await ErrorAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:987654"));
        Assert.Equal("idDoesNotExist", await ErrorAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.example:1"));
    }

    [Fact]
    public async Task FromAndUntilBoundTheDatestampsInclusively()
    {
        var harvest = await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc");
        var datestamps = harvest.Items.Select(h => h.Element(Oai + "datestamp")!.Value).ToList();
        var middle = datestamps[datestamps.Count / 2];

        var exact = await HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&from={middle}&until={middle}");
        Assert.Equal(datestamps.Count(d => d == middle), exact.Items.Count);
        var since = await HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&from={middle}");
        Assert.Equal(datestamps.Count(d => string.CompareOrdinal(d, middle) >= 0), since.Items.Count);
        var before = datestamps.Count(d => string.CompareOrdinal(d, middle) <= 0);
        Assert.Equal(before, (await HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&until={middle}")).Items.Count);

        // Day granularity: the whole day.
        var day = middle[..10];
        Assert.Equal(datestamps.Count(d => d.StartsWith(day, StringComparison.Ordinal)), (await HarvestAsync("ListIdentifiers", $"metadataPrefix=oai_dc&from={day}&until={day}")).Items.Count);

        // The last day and second a date can hold bound nothing: every record.
        Assert.Equal(datestamps.Count, (await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&until=9999-12-31")).Items.Count);
        Assert.Equal(datestamps.Count, (await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&from=0001-01-01T00:00:00Z&until=9999-12-31T23:59:59Z")).Items.Count);
        Assert.Equal("noRecordsMatch", await ErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01"));
        Assert.Equal("noRecordsMatch", await ErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&until=1990-01-01T00:00:00Z"));
        Assert.Equal("badArgument", await ErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2021-12-31T00:00:00Z"));
        Assert.Equal("badArgument", await ErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2022-01-01&until=2021-01-01"));
        Assert.Equal("badArgument", await ErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday"));
        Assert.Equal("badArgument", await ErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01T00:00:00%2B02:00"));
    }

    [Fact]
    public async Task ListsHoldBackChangesStillSettlingAndAHarvestFromTheResponseDateGetsAChangeCommittedLate()
    {
        var full = await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc");
        Assert.All(full.Items, h => Assert.True(string.CompareOrdinal(HeaderOf(h).Element(Oai + "datestamp")!.Value, Datestamp(full.ResponseDate)) < 0));
        var ids = full.Items.Where(h => !IsDeleted(h)).Select(h => int.Parse(IdentifierOf(h).Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var (young, late) = (ids[0], ids[1]);

        // A change still settling (stamped a little ahead, so that this holds however slowly the requests run on a loaded
        // machine): no list shows it yet, whatever until asks for, and the response's date is before it.
        var changedAt = DateTimeOffset.UtcNow.AddSeconds(20);
        await SetChangedAtAsync(young, changedAt);
        var since = $"metadataPrefix=oai_dc&from={Datestamp(full.ResponseDate)}";
        DateTimeOffset responseDate = default;
        foreach (var arguments in new[] { since, since + "&until=2999-12-31T00:00:00Z" })
        {
            (var listed, responseDate) = await ListedAsync(arguments);
            Assert.DoesNotContain(Identifier(young), listed);
            Assert.True(responseDate <= DateTimeOffset.UtcNow - SettledChanges.Margin, $"responseDate {responseDate:O} is within the settle time");
        }

        // A transaction stamped after that response's date commits only now: the next harvest, from that date, gets it,
        // and the young change once it has settled.
        await SetChangedAtAsync(late, responseDate.AddMilliseconds(500));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var next = await ListedAsync($"metadataPrefix=oai_dc&from={Datestamp(responseDate)}");
        while (!next.Identifiers.Contains(Identifier(young)))
        {
            await Task.Delay(100, timeout.Token);
            next = await ListedAsync($"metadataPrefix=oai_dc&from={Datestamp(responseDate)}");
        }
        Assert.Contains(Identifier(late), next.Identifiers);
    }

    /// <summary>The identifiers a whole list gives (none when no record matches) and its first response's date.</summary>
    private async Task<(List<string> Identifiers, DateTimeOffset ResponseDate)> ListedAsync(string arguments)
    {
        var answer = await GetAsync("verb=ListIdentifiers&" + arguments);
        if (ErrorCode(answer) == "noRecordsMatch")
        {
            return ([], ResponseDate(answer));
        }
        var harvest = await HarvestAsync("ListIdentifiers", arguments);
        return ([.. harvest.Items.Select(IdentifierOf)], harvest.ResponseDate);
    }

    private async Task SetChangedAtAsync(int id, DateTimeOffset at)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangedAt, at)));
    }

    [Fact]
    public async Task SetsSelectAnOrganOrOneOfItsSessions()
    {
        var session = await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&set=ga:75");
        Assert.All(session.Items, h => Assert.Contains("ga:75", h.Elements(Oai + "setSpec").Select(s => s.Value)));
        Assert.Contains(Identifier(await DocumentIdAsync("A/75/950")), session.Items.Select(IdentifierOf));

        var council = await HarvestAsync("ListIdentifiers", "metadataPrefix=oai_dc&set=sc");
        Assert.All(council.Items, h => Assert.Contains("sc", h.Elements(Oai + "setSpec").Select(s => s.Value)));
        Assert.DoesNotContain(Identifier(await DocumentIdAsync("A/75/950")), council.Items.Select(IdentifierOf));

        Assert.Equal("noRecordsMatch", await ErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=ga:1"));
        Assert.Equal("noRecordsMatch", await ErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=unesco"));
        Assert.Equal("badArgument", await ErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=ga%20:75"));
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=Identify&verb=ListSets", "badVerb")]
    [InlineData("verb=Identify&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=marcxml", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=mods", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&metadataPrefix=mods&identifier=oai:localhost:1", "cannotDisseminateFormat")]
    [InlineData("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken")]
    [InlineData("verb=ListIdentifiers&resumptionToken=CfDJ8AAAAAAAAAAAAAAAAAAAAAA", "badResumptionToken")]
    // Characters XML cannot carry, echoed in the answer's request element or error message.
    [InlineData("verb=%EF%BF%BF", "badVerb")]
    [InlineData("verb=Identify&%EF%BF%BE=1", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc%EF%BF%BF", "badArgument")]
    [InlineData("verb=ListRecords&resumptionToken=%EF%BF%BF%01", "badResumptionToken")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:1%EF%BF%BE", "idDoesNotExist")]
    public async Task BadRequestsGetTheProtocolsErrorCodes(string query, string code)
    {
        var answer = await GetAsync(query);

        Assert.Equal(code, ErrorCode(answer));
        Assert.False(string.IsNullOrWhiteSpace(answer.Root!.Element(Oai + "error")!.Value));
        var request = answer.Root!.Element(Oai + "request")!;
        Assert.Equal("http://localhost/oai", request.Value);
        if (code is "badVerb" or "badArgument")
        {
            Assert.Empty(request.Attributes());
        }
    }

    [Fact]
    public async Task AnAlteredResumptionTokenIsRefused()
    {
        var first = (await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc")).Descendants(Oai + "resumptionToken").Single().Value;
        var altered = first[..^2] + (first[^2] == 'A' ? 'B' : 'A') + first[^1];

        Assert.Equal("badResumptionToken", await ErrorAsync($"verb=ListIdentifiers&resumptionToken={Uri.EscapeDataString(altered)}"));
        // The genuine one still works, and its format carries over: ListRecords with a ListIdentifiers token is fine too.
        Assert.Null(ErrorCode(await GetAsync($"verb=ListRecords&resumptionToken={Uri.EscapeDataString(first)}")));
    }

    [Fact]
    public async Task PostAnswersAsGetDoes()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync("/oai", new FormUrlEncodedContent([new("verb", "ListSets")]));
        var answer = OaiSchemas.Validate(await response.Content.ReadAsStringAsync());
        Assert.Contains(answer.Descendants(Oai + "setSpec"), s => s.Value == "ga:75");

        using var bad = await client.PostAsync("/oai", new FormUrlEncodedContent([new("verb", "ListRecords"), new("metadataPrefix", "mods")]));
        Assert.Equal("cannotDisseminateFormat", ErrorCode(OaiSchemas.Validate(await bad.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task AWithdrawnDocumentBecomesADeletedRecordAndARestrictedOneNeverAppears()
    {
        var services = fixture.Services;
        await TestDocuments.AddAsync(services, "A/80/801");
        await TestDocuments.AddAsync(services, "A/80/R.802", distribution: Distribution.Restricted);
        var publicId = await DocumentIdAsync("A/80/801");
        var restrictedId = await DocumentIdAsync("A/80/R.802");
        var editor = services.GetRequiredService<DocumentEditor>();
        foreach (var id in new[] { publicId, restrictedId })
        {
            var loaded = (await editor.LoadAsync(Viewers.Secretariat, id))!;
            Assert.Equal(EditOutcome.Saved, (await editor.WithdrawAsync(Viewers.Secretariat, null, id, loaded.Revision)).Outcome);
        }

        var record = (await GetAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier={Identifier(publicId)}")).Descendants(Oai + "record").Single();
        Assert.True(IsDeleted(record));
        Assert.Null(record.Element(Oai + "metadata"));
        Assert.Equal("idDoesNotExist", await ErrorAsync($"verb=GetRecord&metadataPrefix=marcxml&identifier={Identifier(restrictedId)}"));

        await fixture.SettleAsync(); // the withdrawals are changes: lists show them once they have settled
        var harvest = await HarvestAsync("ListRecords", "metadataPrefix=marcxml&set=ga:80");
        Assert.Contains(harvest.Items, r => IdentifierOf(r) == Identifier(publicId) && IsDeleted(r));
        Assert.DoesNotContain(harvest.Items, r => IdentifierOf(r) == Identifier(restrictedId));
        var text = string.Concat(harvest.Items.Select(i => i.ToString()));
        Assert.DoesNotContain("R.802", text);
    }

    [Fact]
    public void TheSchemaCheckRejectsWhatTheSchemasForbid()
    {
        const string valid = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2021-03-30T00:00:00Z</responseDate>
            <request>http://localhost/oai</request><error code="badVerb">x</error></OAI-PMH>
            """;
        OaiSchemas.Validate(valid);
        Assert.ThrowsAny<Exception>(() => OaiSchemas.Validate(valid.Replace("badVerb", "wrongCode", StringComparison.Ordinal)));
        Assert.ThrowsAny<Exception>(() => OaiSchemas.Validate("""
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2021-03-30T00:00:00Z</responseDate>
            <request>http://localhost/oai</request><GetRecord><record><header><identifier>oai:x:1</identifier><datestamp>2021-03-30T00:00:00Z</datestamp></header>
            <metadata><record xmlns="http://www.loc.gov/MARC21/slim"><leader>short</leader></record></metadata></record></GetRecord></OAI-PMH>
            """));
    }
}
