using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Feeds;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Feeds;

/// <summary>
/// The Atom feeds over HTTP, read back with an Atom parser (System.ServiceModel.Syndication): ids, dates,
/// links and language tags; the visibility rule; conditional GET; paging limits; CORS.
/// </summary>
public class FeedTests(FeedTests.Fixture fixture) : IClassFixture<FeedTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<SyndicationFeed> FeedAsync(string path)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "the answer is an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static string Lang(SyndicationItem item) =>
        item.AttributeExtensions[new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace")];

    private static void AssertWellFormedEntries(SyndicationFeed feed)
    {
        Assert.StartsWith("http://localhost/", feed.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self");
        foreach (var item in feed.Items)
        {
            Assert.StartsWith("http://localhost/documents/", item.Id);
            Assert.True(item.LastUpdatedTime > DateTimeOffset.UnixEpoch, $"{item.Id} has an updated date");
            Assert.Contains(item.Links, l => l.RelationshipType == "alternate" && l.Uri.IsAbsoluteUri);
            Assert.False(string.IsNullOrEmpty(Lang(item)), $"{item.Id} has a language tag");
            Assert.False(string.IsNullOrWhiteSpace(item.Title.Text));
        }
        Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task TheAgendaItemFeedListsItsDocumentsNewestFirstWithEveryLanguageVersion()
    {
        var feed = await FeedAsync("/feeds/sessions/ga/75/items/71");

        AssertWellFormedEntries(feed);
        Assert.Contains("item 71", feed.Title.Text);
        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        Assert.Contains(titles, t => t.StartsWith("A/75/950:", StringComparison.Ordinal));
        var a75950 = feed.Items.Single(i => i.Title.Text.StartsWith("A/75/950:", StringComparison.Ordinal));
        var hreflangs = a75950.Links.Select(l => l.AttributeExtensions.TryGetValue(new XmlQualifiedName("hreflang"), out var h) ? h : null).Where(h => h != null).ToList();
        Assert.Equal(["ar", "en", "fr"], hreflangs.Order());
        Assert.Contains(a75950.Links, l => l.Uri.AbsolutePath == "/fr/A/75/950");
        Assert.True(titles.IndexOf(titles.First(t => t.StartsWith("A/75/975", StringComparison.Ordinal))) < titles.IndexOf(titles.First(t => t.StartsWith("A/75/950:", StringComparison.Ordinal))),
            "the July note verbale comes before the May letter");
    }

    [Theory]
    [InlineData("/feeds/ga")]
    [InlineData("/feeds/sessions/ga/75")]
    [InlineData("/feeds/sessions/ga/75/items/71")]
    [InlineData("/feeds/today")]
    [InlineData("/feeds/today?date=2021-03-01")]
    [InlineData("/feeds/search?q=briefing")]
    public async Task NoFeedShowsAnonymousReadersRestrictedOrUnpublishedDocuments(string path)
    {
        var feed = await FeedAsync(path);

        AssertWellFormedEntries(feed);
        Assert.DoesNotContain(feed.Items, i => i.Title.Text.Contains("A/75/R.1", StringComparison.Ordinal) || i.Title.Text.Contains("A/75/990", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FeedEntriesFollowTheViewersAccessRule()
    {
        var queries = fixture.Services.GetRequiredService<FeedQueries>();
        var (publicEntries, _) = await queries.DocumentsAsync(db => db.Documents, 1, Viewers.Public, CancellationToken.None);
        var (delegationEntries, _) = await queries.DocumentsAsync(db => db.Documents, 1, Viewers.Delegation, CancellationToken.None);

        Assert.DoesNotContain(publicEntries, e => e.Title.StartsWith("A/75/R.1", StringComparison.Ordinal));
        Assert.Contains(delegationEntries, e => e.Title.StartsWith("A/75/R.1", StringComparison.Ordinal));
        Assert.DoesNotContain(delegationEntries, e => e.Title.StartsWith("A/75/990", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTodayFeedHasOneEntryPerReleasedLanguageVersionInItsLanguage()
    {
        var feed = await FeedAsync("/feeds/today?date=2021-06-14");

        AssertWellFormedEntries(feed);
        Assert.Equal(["en", "es"], feed.Items.Select(Lang).Order());
        Assert.All(feed.Items, i => Assert.Contains("A/75/960\u2013S/2021/600", i.Title.Text));
        Assert.Contains(feed.Items, i => i.Links.Any(l => l.Uri.AbsolutePath == "/es/A/75/960"));

        var french = await FeedAsync("/feeds/today?lang=fr&organ=ga");
        Assert.NotEmpty(french.Items);
        Assert.All(french.Items, i => Assert.Equal("fr", Lang(i)));
        var updated = french.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task ASavedSearchIsAFeedOfItsResults()
    {
        var feed = await FeedAsync("/feeds/search?q=demonstration&lang=fr");

        AssertWellFormedEntries(feed);
        Assert.Contains(feed.Items, i => i.Title.Text.StartsWith("A/75/300:", StringComparison.Ordinal));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.PathAndQuery == "/search?q=demonstration&lang=fr");
    }

    [Fact]
    public async Task AnUnchangedFeedAnswers304ToItsETagAndItsDate()
    {
        using var client = fixture.CreateClient();
        using var first = await client.GetAsync("/feeds/sessions/ga/75");
        var tag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(tag);
        Assert.NotNull(modified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feeds/sessions/ga/75");
        byTag.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feeds/sessions/ga/75");
        byDate.Headers.IfModifiedSince = modified;
        using var notModifiedByDate = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, "/feeds/sessions/ga/75");
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(otherTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/sessions/ga/75?page=21", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/search?q=", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/search?q=A/75/778", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/today?date=2021-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/sessions/ga/7", HttpStatusCode.NotFound)]
    [InlineData("/feeds/sessions/xx/75", HttpStatusCode.NotFound)]
    [InlineData("/feeds/sessions/ga/75/items/999", HttpStatusCode.NotFound)]
    public async Task BadFeedAddressesAnswerAProblemThatSaysWhy(string path, HttpStatusCode expected)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APagedFeedLinksItsNeighbours()
    {
        var feed = await FeedAsync("/feeds/ga?page=2");

        Assert.Contains(feed.Links, l => l.RelationshipType == "previous" && l.Uri.PathAndQuery == "/feeds/ga");
        Assert.Contains(feed.Links, l => l.RelationshipType == "first");
    }

    [Fact]
    public async Task FeedsMayBeReadFromOtherSites()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/ga");
        request.Headers.Add("Origin", "https://library.example");
        using var response = await client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
