using Portal.Infrastructure;
using System.Net;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>
/// Every page and permalink through the real app over HTTP: status codes, and the content that must
/// be in the first (prerendered) HTML response.
/// </summary>
public abstract class PageEndpointsTests(PageEndpointsTests.Fixture fixture)
{
    public sealed class OnSqlite(Fixture fixture) : PageEndpointsTests(fixture), IClassFixture<Fixture>;

    public sealed class OnPostgreSql(PostgreSqlFixture fixture) : PageEndpointsTests(fixture), IClassFixture<PostgreSqlFixture>;

    public class Fixture : PortalAppFactory;

    public sealed class PostgreSqlFixture : Fixture
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> SeedLetterPathAsync()
    {
        var (_, html) = await GetAsync("/sessions/ga/75/items/71");
        var match = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/documents/\\d+)\\?item=71\"");
        Assert.True(match.Success, "the agenda item lists the seed letter by its id permalink");
        return match.Groups[1].Value;
    }

    [Theory]
    [InlineData("/", "Issued most recently")]
    [InlineData("/", "General Assembly, 75th session")]
    [InlineData("/sessions", "Security Council, 2021")]
    [InlineData("/sessions/ga/75", "Right of peoples to self-determination")]
    [InlineData("/sessions/sc/2021", "S/2021/600")]
    [InlineData("/sessions/ga/75/items/71", "A/75/950/Corr.1")]
    [InlineData("/sessions/ga/75/items/71?kind=noteverbale", "A/75/975")]
    [InlineData("/sessions/ga/75/items/71?sort=symbol&amp;dir=asc&amp;page=1", "A/75/960")]
    public async Task PagesRenderTheirContentInTheFirstResponse(string path, string expected)
    {
        var (status, html) = await GetAsync(path.Replace("&amp;", "&"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData("/A/75/778")]
    [InlineData("/S/2021/177")]
    [InlineData("/a/75/778")]
    [InlineData("/A/75/778%E2%80%93S/2021/177")]
    [InlineData("/A/75/778-S/2021/177")]
    [InlineData("/en/A/75/778")]
    [InlineData("/s/2021/177%20")]
    public async Task EverySymbolOfTheJointDocumentResolves(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("A/75/778\u2013S/2021/177", html);
        Assert.Contains("Replied to by", html);
    }

    [Theory]
    [InlineData("/zh/A/75/300", "zh", "关于促进人权的示范报告")]
    [InlineData("/ch/A/75/300", "zh", "关于促进人权的示范报告")]
    [InlineData("/ar/A/75/950", "ar", "رسالة مؤرخة 3 أيار/مايو 2021")]
    [InlineData("/fr/a/75/950", "fr", "Lettre datée du 3 mai 2021")]
    public async Task LanguagePermalinksOpenThatVersion(string path, string language, string title)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, html);
        Assert.Contains($"lang=\"{language}\"", html);
        if (language == "ar")
        {
            Assert.Contains("dir=\"rtl\"", html);
        }
    }

    [Fact]
    public async Task AMissingLanguageVersionSaysSoAndShowsAnother()
    {
        var (status, html) = await GetAsync("/ru/A/75/950");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("no Russian version", html);
    }

    [Fact]
    public async Task EverySymbolABodyMentionsLinksToItsPermalink()
    {
        // The demo record's body names the joint symbol in plain text (the seed letter's own mention is a link to undocs.org already).
        var (_, html) = await GetAsync("/A/75/778");

        Assert.Matches("<a href=\"/A/75/778\"[^>]*class=\"symbol-link\"[^>]*>A/75/778</a>", html);
        Assert.Matches("<a href=\"/S/2021/177\"[^>]*class=\"symbol-link\"[^>]*>S/2021/177</a>", html);
    }

    [Fact]
    public async Task SeedLetterPageShowsTheLetterAsStated()
    {
        var path = await SeedLetterPathAsync();

        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", html);
        Assert.Contains("米海尔·马尔加良", html);
        Assert.Contains("大卫·巴巴扬", html);
        Assert.Contains("阿尔扎赫共和国外交部长给秘书长的信", html);
        Assert.Contains("Symbol not known", html);
        Assert.Contains("第七十五届会议", html);
        Assert.Contains("第七十六年", html);
        Assert.Contains("议程项目 34、71、72 和 135", html);
        Assert.Contains("href=\"/A/75/778\"", html);
        Assert.Contains("id=\"annex1-fn-7\"", html);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(html, "class=\"footnote-ref\"").Count);

        var (zhStatus, _) = await GetAsync(path + "/zh");
        var (chStatus, _) = await GetAsync(path + "/ch");
        Assert.Equal(HttpStatusCode.OK, zhStatus);
        Assert.Equal(HttpStatusCode.OK, chStatus);
    }

    [Fact]
    public async Task UnknownSymbolIs404WithAnUndocsLink()
    {
        var (status, html) = await GetAsync("/A/75/12345");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("holds no document with the symbol", html);
        Assert.Contains("https://undocs.org/en/A/75/12345", html);
    }

    [Theory]
    [InlineData("/A/75/R.1")]
    [InlineData("/A/75/990")]
    public async Task RestrictedAndUnpublishedDocumentsAreInvisibleToAnonymousVisitors(string path)
    {
        var (status, html) = await GetAsync(path);
        var (_, item) = await GetAsync("/sessions/ga/75/items/34");
        var (_, home) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Restricted demo document", html);
        Assert.DoesNotContain("A/75/R.1", item);
        Assert.DoesNotContain("A/75/990", home);
        Assert.DoesNotContain("Unpublished demo letter", home);
    }

    [Theory]
    [InlineData("/A//")]
    [InlineData("/A/75/")]
    [InlineData("/nope")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/sessions/xx/75")]
    [InlineData("/sessions/ga/12")]
    [InlineData("/sessions/ga/75/items/999")]
    [InlineData("/documents/999999")]
    [InlineData("/documents/1/xx")]
    [InlineData("/documents/999999/zh")]
    public async Task MalformedOrUnknownPathsGiveA4xxPageNeverA500(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.True((int)status is >= 400 and < 500, $"{path} gave {(int)status}");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task VeryLongSymbolsGiveA4xxNeverA500()
    {
        var (status, _) = await GetAsync("/" + string.Concat(Enumerable.Repeat("A/75/", 400)));
        var (status2, _) = await GetAsync("/A/75/" + new string('7', 3000));

        Assert.True((int)status is >= 400 and < 500);
        Assert.True((int)status2 is >= 400 and < 500);
    }

    [Fact]
    public async Task DocumentWithoutSymbolHasAStableIdPermalinkThatIsCanonical()
    {
        var path = await SeedLetterPathAsync();

        var (_, html) = await GetAsync(path);

        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost{path}/zh\"", html);
    }

    [Fact]
    public async Task PagesAreCompressedForClientsThatAcceptIt()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/A/75/300");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task StaticAssetsAreServedFromTheTopLevelWebRoot()
    {
        using var client = fixture.CreateClient();
        var css = await client.GetStringAsync("/app.css");

        Assert.Contains(".un-header", css);
    }
}
