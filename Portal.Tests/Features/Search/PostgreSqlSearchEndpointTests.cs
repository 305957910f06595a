using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Search;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>
/// The real portal started with <c>Database:Provider = PostgreSQL</c>: the search page and the API's search
/// answer from the PostgreSQL index (which the app registers for that provider), on data the app's own
/// migrations and seeder put there.
/// </summary>
public sealed class PostgreSqlSearchEndpointTests(PostgreSqlSearchEndpointTests.Fixture factory) : IClassFixture<PostgreSqlSearchEndpointTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path, Cancel);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    [Fact]
    public void ThePortalOnPostgreSqlSearchesWithThePostgreSqlIndex()
    {
        Assert.IsType<PostgreSqlSearchIndex>(factory.Services.GetRequiredService<ISearchIndex>());
    }

    [Fact]
    public async Task TheSearchPageFindsTwoChineseCharactersAndMarksThem()
    {
        var (status, html) = await GetAsync("/search?q=" + Uri.EscapeDataString("地雷"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 document found", html);
        Assert.Contains("<mark>地雷</mark>", html);
        Assert.Contains("class=\"search-snippet\" lang=\"zh\" dir=\"ltr\"", html);
    }

    [Fact]
    public async Task TheSearchPageFindsArabicAndFiltersWithoutRevealingRestrictedDocuments()
    {
        var (arabicStatus, arabic) = await GetAsync("/search?q=" + Uri.EscapeDataString("ديمولاند"));
        var (filteredStatus, filtered) = await GetAsync("/search?q=Demoland&item=ga-75-71&lang=en&kind=letter");
        var (_, briefing) = await GetAsync("/search?q=briefing");

        Assert.Equal(HttpStatusCode.OK, arabicStatus);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", arabic);
        Assert.Equal(HttpStatusCode.OK, filteredStatus);
        Assert.Contains("Filtered by:", filtered);
        Assert.Contains("<mark>Demoland</mark>", filtered);
        Assert.DoesNotContain("A/75/R.1", filtered);
        Assert.DoesNotContain("<mark>", briefing);
    }

    [Fact]
    public async Task TheApiSearchAnswersFromThePostgreSqlIndex()
    {
        var (status, body) = await GetAsync("/api/v1/search?q=demonstration&lang=fr&limit=5");
        var (_, restricted) = await GetAsync("/api/v1/search?q=briefing");
        var (_, chinese) = await GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("雷威胁"));

        Assert.Equal(HttpStatusCode.OK, status);
        var results = JsonDocument.Parse(body).RootElement;
        Assert.True(results.GetProperty("totalCount").GetInt32() > 0);
        Assert.All(results.GetProperty("items").EnumerateArray(), i => Assert.Equal("fr", i.GetProperty("language").GetString()));
        Assert.Equal(0, JsonDocument.Parse(restricted).RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, JsonDocument.Parse(chinese).RootElement.GetProperty("totalCount").GetInt32());
    }
}
