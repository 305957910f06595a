using System.Net;
using System.Text.Json;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Citations;

/// <summary>Citation exports and the link-preview and citation meta tags of document pages, over HTTP.</summary>
public class CitationTests(CitationTests.Fixture fixture) : IClassFixture<CitationTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<int> IdOfAsync(string symbol)
    {
        using var client = fixture.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/documents/by-symbol/{symbol}"));
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BibTexNamesTheSymbolTheDateAndThePermalink()
    {
        var (status, type, bibtex) = await GetAsync($"/documents/{await IdOfAsync("A/75/950")}/cite/bibtex");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/x-bibtex", type);
        Assert.StartsWith("@techreport{A_75_950,", bibtex);
        Assert.Contains("author = {{United Nations}}", bibtex);
        Assert.Contains("number = {A/75/950}", bibtex);
        Assert.Contains("date = {2021-05-05}", bibtex);
        Assert.Contains("url = {http://localhost/en/A/75/950}", bibtex);
        Assert.Equal(bibtex.Count(c => c == '{'), bibtex.Count(c => c == '}'));
    }

    [Fact]
    public async Task RisIsOneRecordWithTheRequestedVersionsTitle()
    {
        var (status, type, ris) = await GetAsync($"/documents/{await IdOfAsync("A/75/950")}/cite/ris?lang=fr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/x-research-info-systems", type);
        var lines = ris.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TY  - RPRT", lines[0]);
        Assert.Equal("ER  - ", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("TI  - Lettre datée du 3 mai 2021", StringComparison.Ordinal));
        Assert.Contains("DA  - 2021/05/05/", lines);
        Assert.Contains("LA  - fr", lines);
        Assert.Contains("UR  - http://localhost/fr/A/75/950", lines);
    }

    [Fact]
    public async Task CslJsonIsAReportWithItsNumberAndIssuedDate()
    {
        var (status, type, body) = await GetAsync($"/documents/{await IdOfAsync("A/75/950")}/cite/csl-json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.citationstyles.csl+json", type);
        var item = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal("report", item.GetProperty("type").GetString());
        Assert.Equal("A/75/950", item.GetProperty("number").GetString());
        Assert.Equal([2021, 5, 5], item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal("United Nations", item.GetProperty("author")[0].GetProperty("literal").GetString());
    }

    [Fact]
    public async Task ADocumentWithoutASymbolIsCitedByItsDateAndIdPermalink()
    {
        var (_, html) = (0, await (await fixture.CreateClient().GetAsync("/sessions/ga/75/items/71")).Content.ReadAsStringAsync());
        var id = System.Text.RegularExpressions.Regex.Match(html, "href=\"/documents/(\\d+)\\?item=71\"").Groups[1].Value;

        var (status, _, bibtex) = await GetAsync($"/documents/{id}/cite/bibtex");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith($"@techreport{{UNdocument{id},", bibtex);
        Assert.Contains("date = {2021-03-30}", bibtex);
        Assert.DoesNotContain("number =", bibtex);
    }

    [Theory]
    [InlineData("A/75/R.1", "bibtex")]
    [InlineData("A/75/950", "endnote")]
    public async Task HiddenDocumentsAndUnknownFormatsAre404(string symbol, string format)
    {
        int id;
        if (symbol == "A/75/R.1")
        {
            id = await RestrictedIdAsync();
        }
        else
        {
            id = await IdOfAsync(symbol);
        }
        var (status, type, _) = await GetAsync($"/documents/{id}/cite/{format}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
    }

    private async Task<int> RestrictedIdAsync()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fixture.Services);
        var contexts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>(fixture.Services);
        await using var db = contexts.CreateDbContext();
        return db.DocumentSymbols.Single(s => s.Value == "A/75/R.1").DocumentId;
    }

    [Fact]
    public async Task TheDocumentPageCarriesLinkPreviewDublinCoreAndCitationTags()
    {
        var (status, _, html) = await GetAsync("/fr/A/75/950");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<meta property=\"og:title\" content=\"A/75/950: Lettre datée du 3 mai 2021", html);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/fr/A/75/950\"", html);
        Assert.Contains("<meta property=\"og:type\" content=\"article\"", html);
        Assert.Contains("<meta name=\"DC.identifier\" content=\"A/75/950\"", html);
        Assert.Contains("<meta name=\"DC.language\" content=\"fr\"", html);
        Assert.Contains("<meta name=\"citation_technical_report_number\" content=\"A/75/950\"", html);
        Assert.Contains("<meta name=\"citation_publication_date\" content=\"2021/05/05\"", html);
        Assert.Contains("<meta name=\"citation_pdf_url\" content=\"http://localhost/A/75/950/fr.pdf\"", html);
        Assert.Contains("Cite this document", html);
        Assert.Contains("/cite/bibtex?lang=fr", html);
        // The reference is in the UN style's English; only the title is in the version's language.
        Assert.Contains("<p class=\"citation-text\" lang=\"en\" dir=\"ltr\">United Nations, <span lang=\"fr\" dir=\"ltr\">Lettre datée du 3 mai 2021", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "rel=\"canonical\""));
    }

    [Fact]
    public async Task AnArabicTitleInTheReferenceRunsRightToLeftInsideTheEnglishStyle()
    {
        var (status, _, html) = await GetAsync("/ar/A/75/300");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<p class=\"citation-text\" lang=\"en\" dir=\"ltr\">United Nations, <span lang=\"ar\" dir=\"rtl\">", html);
    }
}
