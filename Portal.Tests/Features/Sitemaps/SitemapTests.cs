using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Sitemaps;

/// <summary>robots.txt and the sitemaps on the demo data, with URLs built from the request.</summary>
public class SitemapTests(SitemapTests.Fixture fixture) : IClassFixture<SitemapTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<XDocument> XmlAsync(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RobotsPointsToTheSitemapAndKeepsCrawlersOffEndlessViews()
    {
        using var client = fixture.CreateClient();
        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /search", robots);
        Assert.Contains("Disallow: /api/", robots);
    }

    [Fact]
    public async Task TheIndexNamesTheSessionSitemapAndOneSitemapPerBlockOfDocuments()
    {
        var index = await XmlAsync("/sitemap.xml");

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var locations = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(["http://localhost/sitemaps/sessions.xml", "http://localhost/sitemaps/documents-1.xml"], locations);
    }

    [Fact]
    public async Task TheDocumentSitemapListsPublicDocumentsByPermalinkOnly()
    {
        var sitemap = await XmlAsync("/sitemaps/documents-1.xml");
        var locations = sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Contains("http://localhost/A/75/950", locations);
        Assert.Contains(locations, l => l.StartsWith("http://localhost/documents/", StringComparison.Ordinal));
        Assert.DoesNotContain("http://localhost/A/75/R.1", locations);
        Assert.DoesNotContain("http://localhost/A/75/990", locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.True(locations.Count <= Portal.Features.Sitemaps.SitemapEndpoints.DocumentsPerSitemap);

        var beyond = await XmlAsync("/sitemaps/documents-2.xml");
        Assert.Empty(beyond.Root!.Elements());
    }

    [Fact]
    public async Task TheSessionSitemapListsSessionsAndAgendaItems()
    {
        var sitemap = await XmlAsync("/sitemaps/sessions.xml");
        var locations = sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Contains("http://localhost/sessions/ga/75", locations);
        Assert.Contains("http://localhost/sessions/ga/75/items/71", locations);
        Assert.Contains("http://localhost/sessions/sc/2021", locations);
    }
}

/// <summary>With <c>Portal:PublicBaseUrl</c> set, every absolute URL uses it, whatever the request's Host says.</summary>
public class PublicBaseUrlTests(PublicBaseUrlTests.Fixture fixture) : IClassFixture<PublicBaseUrlTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:PublicBaseUrl", "https://documents.example.org")];
    }

    [Fact]
    public async Task RobotsSitemapsFeedsApiAndMetaTagsUseTheConfiguredBaseUrl()
    {
        using var client = fixture.CreateClient();

        Assert.Contains("Sitemap: https://documents.example.org/sitemap.xml", await client.GetStringAsync("/robots.txt"));
        Assert.Contains("<loc>https://documents.example.org/A/75/950</loc>", await client.GetStringAsync("/sitemaps/documents-1.xml"));

        using var reader = XmlReader.Create(await client.GetStreamAsync("/feeds/sessions/ga/75"));
        var feed = SyndicationFeed.Load(reader);
        Assert.StartsWith("https://documents.example.org/", feed.Id);
        Assert.All(feed.Items, i => Assert.StartsWith("https://documents.example.org/documents/", i.Id));

        var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/documents/by-symbol/A/75/950")).RootElement;
        Assert.Equal("https://documents.example.org/A/75/950", document.GetProperty("permalink").GetString());
        Assert.Equal("https://documents.example.org/api/v1/documents/" + document.GetProperty("id").GetInt32(), document.GetProperty("href").GetString());

        var html = await client.GetStringAsync("/A/75/950");
        Assert.Contains("<meta property=\"og:url\" content=\"https://documents.example.org/en/A/75/950\"", html);
        Assert.Contains("bibtex", await client.GetStringAsync($"/documents/{document.GetProperty("id").GetInt32()}/cite/bibtex") is var b && b.Contains("url = {https://documents.example.org/en/A/75/950}") ? "bibtex" : b);
    }
}
