using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Today;

/// <summary>"Issued today" over HTTP on the demo data: what each day lists, filters, the neighbouring days and access.</summary>
public class TodayPageTests(TodayPageTests.Fixture fixture) : IClassFixture<TodayPageTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADayListsTheVersionsReleasedThatDayWithLinksToEach()
    {
        // A/75/950 was released in English on 5 May, French on 7 May and Arabic on 8 May 2021.
        var (status, html) = await GetAsync("/today?date=2021-05-07");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Issued on 7 May 2021", html);
        Assert.Contains("A/75/950", html);
        Assert.Contains("href=\"/fr/A/75/950\"", html);
        Assert.DoesNotContain("href=\"/ar/A/75/950\"", html);
        Assert.DoesNotContain("A/75/960", html);
    }

    [Fact]
    public async Task PreviousAndNextGoToTheNearestDaysWithReleasesNotTheCalendarNeighbours()
    {
        var (_, html) = await GetAsync("/today?date=2021-05-07");

        Assert.Matches("href=\"/today\\?date=2021-05-05\"[^>]*rel=\"prev\"", html);
        Assert.Matches("href=\"/today\\?date=2021-05-08\"[^>]*rel=\"next\"", html);
    }

    [Fact]
    public async Task TheLanguageFilterKeepsOnlyThatLanguageAndTheNeighboursFollowIt()
    {
        var (_, html) = await GetAsync("/today?date=2021-05-07&lang=en");

        Assert.Contains("No documents in English were released on 7 May 2021", html);
        // The nearest earlier English release is A/75/950's own, on 5 May; the next one A/75/950/Corr.1 on 12 May.
        Assert.Contains("href=\"/today?date=2021-05-05&amp;lang=en\"", html);
        Assert.Contains("href=\"/today?date=2021-05-12&amp;lang=en\"", html);
    }

    [Fact]
    public async Task AJointDocumentIsListedUnderEachOrganAndTheOrganFilterKeepsOne()
    {
        var (_, all) = await GetAsync("/today?date=2021-06-14");
        Assert.Contains("id=\"organ-ga\"", all);
        Assert.Contains("id=\"organ-sc\"", all);
        Assert.Equal(2, Regex.Matches(all, "A/75/960\u2013S/2021/600").Count);

        var (_, council) = await GetAsync("/today?date=2021-06-14&organ=sc");
        Assert.DoesNotContain("id=\"organ-ga\"", council);
        Assert.Contains("id=\"organ-sc\"", council);
        Assert.Single(Regex.Matches(council, "A/75/960\u2013S/2021/600"));
    }

    [Fact]
    public async Task RestrictedReleasesAreNeitherListedNorStepsForTheAnonymousVisitor()
    {
        // A/75/R.1 (Restricted) is the only release of 1 March 2021.
        var (_, day) = await GetAsync("/today?date=2021-03-01");
        Assert.DoesNotContain("A/75/R.1", day);
        Assert.Contains("No documents were released on 1 March 2021", day);

        var (_, after) = await GetAsync("/today?date=2021-05-05");
        Assert.DoesNotContain("date=2021-03-01", after);
        Assert.Contains("href=\"/today?date=2020-11-04\"", after);
    }

    [Fact]
    public async Task TheDatePickerIsAFormThatOpensTheChosenDay()
    {
        var (_, html) = await GetAsync("/today?date=2021-05-07&organ=ga&lang=fr");

        Assert.Contains("<form method=\"get\" action=\"/today\"", html);
        Assert.Contains("type=\"date\" name=\"date\" value=\"2021-05-07\"", html);
        Assert.Matches("<option value=\"ga\" selected", html);
        Assert.Matches("<option value=\"fr\" selected", html);
        Assert.Contains("href=\"/feeds/today?date=2021-05-07&amp;organ=ga&amp;lang=fr\"", html);
        // Blazor writes the + of the media type as &#x2B;, which HTML readers decode.
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom&#x2B;xml\" title=\"Documents released (Atom)\" href=\"/feeds/today?organ=ga&amp;lang=fr\"", html);
    }

    [Theory]
    [InlineData("/today?date=2021-02-30")]
    [InlineData("/today?date=yesterday")]
    [InlineData("/today?date=0001-01-01&organ=xx&lang=zz")]
    [InlineData("/today?date=99999-01-01")]
    public async Task AMalformedDateIsA400ThatSaysSoAndShowsToday(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches("date: “.*” is not a date", System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")));
        Assert.Contains("Issued on " + DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), html);
    }

    [Fact]
    public async Task TheHomePageLinksToIssuedToday()
    {
        var (_, html) = await GetAsync("/");

        Assert.Contains("href=\"/today\"", html);
    }
}
