using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Api;

/// <summary>The open API over HTTP on the demo data: shapes, access, filters, cursors, errors, ETags, CORS.</summary>
public class ApiTests(ApiTests.Fixture fixture) : IClassFixture<ApiTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> GetAsync(string path)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task ADocumentBySymbolHasItsMetadataVersionsFilesAndReferences()
    {
        var (status, document, response) = await GetAsync("/api/v1/documents/by-symbol/a/75/950");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["A/75/950"], Strings(document.GetProperty("symbols")));
        Assert.Equal("letter", document.GetProperty("kind").GetString());
        Assert.Equal("general", document.GetProperty("distribution").GetString());
        Assert.Equal("2021-05-05", document.GetProperty("issuedOn").GetString());
        Assert.Equal("http://localhost/A/75/950", document.GetProperty("permalink").GetString());
        var versions = document.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["ar", "en", "fr"], versions.Select(v => v.GetProperty("language").GetString()!).Order());
        var french = versions.Single(v => v.GetProperty("language").GetString() == "fr");
        Assert.Equal("http://localhost/fr/A/75/950", french.GetProperty("permalink").GetString());
        Assert.Equal("2021-05-07", french.GetProperty("releasedOn").GetString());
        var files = french.GetProperty("files").EnumerateArray().ToList();
        Assert.Contains(files, f => f.GetProperty("format").GetString() == "md" && f.GetProperty("url").GetString() == "http://localhost/A/75/950/fr.md");
        Assert.Contains(files, f => f.GetProperty("format").GetString() == "pdf");
        Assert.Contains(document.GetProperty("agendaItems").EnumerateArray(), a => a.GetProperty("number").GetInt32() == 71);
        Assert.EndsWith("/cite/bibtex", document.GetProperty("citations").GetProperty("bibtex").GetString());

        // The file links are the portal's download URLs, which answer.
        using var client = fixture.CreateClient();
        using var markdown = await client.GetAsync("/A/75/950/fr.md");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
    }

    [Fact]
    public async Task StoredFilesCarryTheirSizeAndHash()
    {
        var (_, document, _) = await GetAsync("/api/v1/documents/by-symbol/A/75/300");
        var withSize = document.GetProperty("versions").EnumerateArray().SelectMany(v => v.GetProperty("files").EnumerateArray())
            .Where(f => f.GetProperty("size").ValueKind == JsonValueKind.Number).ToList();

        Assert.All(withSize, f =>
        {
            Assert.False(f.GetProperty("generated").GetBoolean());
            Assert.Matches("^[0-9a-f]{64}$", f.GetProperty("sha256").GetString());
        });
    }

    [Fact]
    public async Task ReferencesAreListedBothWays()
    {
        var (_, joint, _) = await GetAsync("/api/v1/documents/by-symbol/S/2021/177");
        var repliedBy = joint.GetProperty("referencedBy").EnumerateArray().ToList();

        Assert.Contains(repliedBy, r => r.GetProperty("relation").GetString() == "repliesto" && r.GetProperty("href").GetString()!.StartsWith("http://localhost/api/v1/documents/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestrictedAndUnpublishedDocumentsDoNotExistForAnonymousCallers()
    {
        var (restricted, problem, response) = await GetAsync("/api/v1/documents/by-symbol/A/75/R.1");
        Assert.Equal(HttpStatusCode.NotFound, restricted);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("A/75/R.1", problem.GetProperty("detail").GetString());

        var (draft, _, _) = await GetAsync("/api/v1/documents/by-symbol/A/75/990");
        Assert.Equal(HttpStatusCode.NotFound, draft);

        var symbols = await AllSymbolsAsync("/api/v1/documents?limit=5");
        Assert.DoesNotContain("A/75/R.1", symbols);
        Assert.DoesNotContain("A/75/990", symbols);
        var (_, search, _) = await GetAsync("/api/v1/search?q=briefing");
        Assert.Equal(0, search.GetProperty("totalCount").GetInt32());
    }

    private async Task<List<string>> AllSymbolsAsync(string first)
    {
        var symbols = new List<string>();
        var ids = new List<int>();
        string? next = first;
        while (next is not null)
        {
            var (status, page, _) = await GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetInt32());
                symbols.AddRange(Strings(item.GetProperty("symbols")));
            }
            next = page.GetProperty("next").GetString()?.Replace("http://localhost", "");
        }
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return symbols;
    }

    [Fact]
    public async Task TheCursorWalksEveryVisibleDocumentOnce()
    {
        var pagedBy5 = await AllSymbolsAsync("/api/v1/documents?limit=5");
        var (_, all, _) = await GetAsync("/api/v1/documents?limit=200");

        Assert.Equal(all.GetProperty("items").EnumerateArray().SelectMany(i => Strings(i.GetProperty("symbols"))), pagedBy5);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
        Assert.Contains("A/75/950", pagedBy5);
    }

    [Theory]
    [InlineData("/api/v1/documents?item=ga-75-71", "A/75/950", "A/74/500")]
    [InlineData("/api/v1/documents?session=sc-2021", "S/2021/600", "A/75/300")]
    [InlineData("/api/v1/documents?organ=ecosoc", "E/2021/99", "A/75/950")]
    [InlineData("/api/v1/documents?lang=zh", "S/2022/50", "A/75/950")]
    [InlineData("/api/v1/documents?kind=noteverbale", "A/75/975", "A/75/950")]
    [InlineData("/api/v1/documents?from=2021-05-01&to=2021-05-31", "A/75/950/Corr.1", "A/75/960")]
    public async Task FiltersKeepOnlyTheDocumentsTheyName(string path, string included, string excluded)
    {
        var symbols = await AllSymbolsAsync(path);

        Assert.Contains(included, symbols);
        Assert.DoesNotContain(excluded, symbols);
    }

    [Theory]
    [InlineData("/api/v1/documents?kind=memo", "kind")]
    [InlineData("/api/v1/documents?session=ga75", "session")]
    [InlineData("/api/v1/documents?item=ga-75", "item")]
    [InlineData("/api/v1/documents?organ=un", "organ")]
    [InlineData("/api/v1/documents?lang=de", "lang")]
    [InlineData("/api/v1/documents?from=30/03/2021", "from")]
    [InlineData("/api/v1/documents?limit=0", "limit")]
    [InlineData("/api/v1/documents?limit=201", "limit")]
    [InlineData("/api/v1/documents?limit=abc", "limit")]
    [InlineData("/api/v1/documents?cursor=!!!", "cursor")]
    [InlineData("/api/v1/documents?cursor=99999999999", "cursor")]
    [InlineData("/api/v1/documents?cursor=NaN", "cursor")]
    [InlineData("/api/v1/documents?changedSince=yesterday", "changedSince")]
    [InlineData("/api/v1/documents?changedSince=2026-12-01", "changedSince")]
    [InlineData("/api/v1/documents?changedSince=2026-12-01T00:00:00", "changedSince")]
    [InlineData("/api/v1/documents?changedSince=2026-13-01T00:00:00Z", "changedSince")]
    [InlineData("/api/v1/documents?changedSince=2026-12-01T00:00:00Z&cursor=AQAAAA", "cursor")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=mines&page=0", "page")]
    [InlineData("/api/v1/search?q=mines&sender=sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss", "sender")]
    public async Task BadParametersAnswer400WithAProblemNamingThem(string path, string parameter)
    {
        var (status, problem, response) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names {parameter}");
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/documents/by-symbol/", "Give a symbol")]
    [InlineData("/api/v1/documents/by-symbol/A/%EF%BF%BE", "is not a UN document symbol")]
    [InlineData("/api/v1/documents/by-symbol/A/75/778%EF%BF%BF", "is not a UN document symbol")]
    public async Task ASymbolThatIsMissingOrNotTextAnswers400WithASentence(string path, string sentence)
    {
        var (status, problem, response) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(sentence, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/documents/999999")]
    [InlineData("/api/v1/documents/by-symbol/A/99/1")]
    [InlineData("/api/v1/sessions/ga/7")]
    [InlineData("/api/v1/sessions/xx/75")]
    [InlineData("/api/v1/sessions/ga/75/items/999")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/documents/abc")]
    public async Task UnknownThingsAnswer404WithAProblem(string path)
    {
        var (status, problem, response) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task SessionsAndAgendaItemsLinkToTheirDocuments()
    {
        var (_, sessions, _) = await GetAsync("/api/v1/sessions");
        var ga75 = sessions.EnumerateArray().Single(s => s.GetProperty("organ").GetString() == "ga" && s.GetProperty("number").GetInt32() == 75);
        Assert.Equal("http://localhost/api/v1/sessions/ga/75", ga75.GetProperty("href").GetString());

        var (_, session, _) = await GetAsync("/api/v1/sessions/ga/75");
        var item71 = session.GetProperty("agendaItems").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == 71);
        Assert.Equal("http://localhost/api/v1/documents?item=ga-75-71", item71.GetProperty("documents").GetString());

        var (_, item, _) = await GetAsync("/api/v1/sessions/ga/75/items/71");
        Assert.Equal(item71.GetProperty("title").GetString(), item.GetProperty("title").GetString());
        Assert.True(item.GetProperty("titles").TryGetProperty("en", out _));
    }

    [Fact]
    public async Task SearchUsesTheSearchServiceAndItsFilters()
    {
        var (status, results, _) = await GetAsync("/api/v1/search?q=demonstration&lang=fr&limit=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(results.GetProperty("totalCount").GetInt32() > 0);
        Assert.All(results.GetProperty("items").EnumerateArray(), i => Assert.Equal("fr", i.GetProperty("language").GetString()));

        var (_, symbol, _) = await GetAsync("/api/v1/search?q=A/75/950");
        Assert.Equal("http://localhost/api/v1/documents/by-symbol/A/75/950", symbol.GetProperty("document").GetString());
    }

    [Fact]
    public async Task ASearchHitSaysWhereTheMatchWas()
    {
        // The seed letter is held in Chinese only; "genocide" is in the English title of one of its agenda items.
        var (_, catalogue, _) = await GetAsync("/api/v1/search?q=genocide");
        var letter = catalogue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("language").GetString() == "zh");
        Assert.True(letter.GetProperty("matchedCatalogue").GetBoolean());
        Assert.Empty(letter.GetProperty("matchedIn").EnumerateArray());

        var (_, text, _) = await GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("地雷"));
        var hit = Assert.Single(text.GetProperty("items").EnumerateArray());
        Assert.Equal(["zh"], hit.GetProperty("matchedIn").EnumerateArray().Select(l => l.GetString()));
        Assert.False(hit.GetProperty("matchedCatalogue").GetBoolean());
    }

    [Fact]
    public async Task AnUnchangedAnswerIs304ForItsETag()
    {
        using var client = fixture.CreateClient();
        using var first = await client.GetAsync("/api/v1/sessions/ga/75");
        Assert.NotNull(first.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions/ga/75");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions/ga/74");
        other.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var different = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, different.StatusCode);
    }

    [Fact]
    public async Task AnyOriginMayReadTheApi()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions");
        request.Headers.Add("Origin", "https://mission.example");
        using var response = await client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpointAndTheShapesTheyReturn()
    {
        var (status, openApi, _) = await GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.", openApi.GetProperty("openapi").GetString());
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/documents", "/api/v1/documents/by-symbol/{symbol}", "/api/v1/documents/{id}", "/api/v1/dumps", "/api/v1/dumps/latest.json",
             "/api/v1/dumps/latest.jsonl.gz", "/api/v1/search", "/api/v1/sessions",
             "/api/v1/sessions/{organ}/{number}", "/api/v1/sessions/{organ}/{number}/items/{item}"],
            paths.Order(StringComparer.Ordinal));

        // Every parameter of the document list is described, changedSince among them.
        var listParameters = openApi.GetProperty("paths").GetProperty("/api/v1/documents").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("changedSince", listParameters);
        Assert.Contains("cursor", listParameters);

        // A real answer has exactly the properties its schema declares.
        var schemas = openApi.GetProperty("components").GetProperty("schemas");
        var (_, document, _) = await GetAsync("/api/v1/documents/by-symbol/A/75/950");
        AssertMatches(schemas, "ApiDocument", document);
        AssertMatches(schemas, "ApiVersion", document.GetProperty("versions")[0]);
        AssertMatches(schemas, "ApiFile", document.GetProperty("versions")[0].GetProperty("files")[0]);
        var (_, session, _) = await GetAsync("/api/v1/sessions/ga/75");
        AssertMatches(schemas, "ApiSessionDetail", session);
        // A change younger than 2 s is held back to the next call, and the demo data may have been loaded just now.
        var (_, changes, _) = await GetAsync("/api/v1/documents?changedSince=2020-01-01T00:00:00Z&limit=1");
        for (var waited = 0; changes.GetProperty("items").GetArrayLength() == 0 && waited < 60; waited++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            (_, changes, _) = await GetAsync("/api/v1/documents?changedSince=2020-01-01T00:00:00Z&limit=1");
        }
        AssertMatches(schemas, "ApiDocumentSummary", changes.GetProperty("items")[0]);
    }

    private static void AssertMatches(JsonElement schemas, string name, JsonElement value)
    {
        Assert.True(schemas.TryGetProperty(name, out var schema), $"the document has a schema {name}");
        var declared = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(declared, value.EnumerateObject().Select(p => p.Name).Order().ToList());
        foreach (var required in schema.TryGetProperty("required", out var list) ? Strings(list) : [])
        {
            Assert.True(value.TryGetProperty(required, out _), $"{name}.{required} is present");
        }
    }
}

/// <summary>The API's own rate limit: past it, 429 with Retry-After and a problem a program can read.</summary>
public class ApiRateLimitTests(ApiRateLimitTests.Fixture fixture) : IClassFixture<ApiRateLimitTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:Limits:ApiRequestsPerMinutePerClient", "3")];
    }

    [Fact]
    public async Task TheFourthRequestInAMinuteIsRefusedWithRetryAfter()
    {
        using var client = fixture.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/sessions");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.GetAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most 3 a minute", await refused.Content.ReadAsStringAsync());

        // A token holder has a budget of its own, and is not held to the anonymous one.
        var (_, token) = await ApiTokenTests.DelegationTokenAsync(fixture.Services, "busy@demoland.example", "Demoland");
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var withToken = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        }

        // Pages are not counted against the API's budget.
        using var page = await client.GetAsync("/sessions");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
