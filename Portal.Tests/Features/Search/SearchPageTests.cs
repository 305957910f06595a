using System.Net;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

public class SearchPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task TheSearchPageShowsRankedResultsWithLanguageAndDirection()
    {
        var response = await Client().GetAsync("/search?q=%E5%9C%B0%E9%9B%B7", TestContext.Current.CancellationToken);
        // Blazor writes non-ASCII text as character references.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 document found", html);
        Assert.Contains("<mark>地雷</mark>", html);
        Assert.Contains("class=\"search-snippet\" lang=\"zh\" dir=\"ltr\"", html);
        Assert.Contains("value=\"地雷\"", html);
    }

    [Fact]
    public async Task ArabicSnippetsAreMarkedRightToLeft()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("ديمولاند"), TestContext.Current.CancellationToken));

        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html);
    }

    [Theory]
    [InlineData("en", "Match in the catalogue record (title or agenda item)")]
    [InlineData("zh", "匹配目录记录（标题或议程项目）")]
    [InlineData("ar", "التطابق في سجل الفهرس (العنوان أو بند جدول الأعمال)")]
    public async Task AResultFoundByItsCatalogueRecordSaysSoInTheInterfaceLanguage(string ui, string said)
    {
        // "genocide" is only in the English title of an agenda item of the seed letter, which is held in Chinese.
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/search?q=genocide&ui=" + ui, TestContext.Current.CancellationToken));

        Assert.Contains(said, html);
        Assert.Contains("lang=\"zh\"", html);
    }

    [Fact]
    public async Task TheSenderFacetNamesTheStateInTheInterfacesLanguage()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/search?q=" + Uri.EscapeDataString("地雷") + "&ui=zh", TestContext.Current.CancellationToken));

        Assert.Matches("sender=Armenia\"[^>]*>亚美尼亚</a>", html);
    }

    [Fact]
    public async Task FiltersLiveInTheQueryString()
    {
        var html = await Client().GetStringAsync("/search?q=Demoland&item=ga-75-71&lang=en&kind=letter", TestContext.Current.CancellationToken);

        Assert.Contains("Filtered by:", html);
        Assert.Contains("item 71", html);
        Assert.Contains("href=\"/search?q=Demoland&amp;item=ga-75-71&amp;lang=en\"", html); // chip that removes the kind filter
        Assert.DoesNotContain("A/75/R.1", html);
    }

    [Theory]
    [InlineData("A/75/778", "/A/75/778")]
    [InlineData("s%2F2021%2F177", "/S/2021/177")]
    [InlineData("A%2F75%2F778%E2%80%93S%2F2021%2F177", "/A/75/778")]
    public async Task ASymbolRedirectsToItsDocument(string query, string location)
    {
        var response = await Client().GetAsync("/search?q=" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("%22unbalanced", "quotation marks")]
    [InlineData("NEAR%28a+b%29+*+%5E+%3A", "operators")]
    [InlineData("%00%01%1B", "Search the titles")]
    [InlineData("x", "shorter than three letters")]
    [InlineData("A/75/R.1", "holds no document with the symbol")]
    public async Task WeirdInputGetsAClearMessageNeverAnError(string query, string message)
    {
        var response = await Client().GetAsync("/search?q=" + query, TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task ATenThousandCharacterQueryIsShortenedNotRejected()
    {
        var query = Uri.EscapeDataString(new string('地', 5000) + new string('z', 5000));
        var response = await Client().GetAsync("/search?q=" + query + "&page=2&session=ga-75&distr=general", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only the beginning was used", html);
    }

    [Fact]
    public async Task TheAppBarHasAPlainSearchForm()
    {
        var html = await Client().GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("<form method=\"get\" action=\"/search\" role=\"search\" aria-label=\"Quick search\" class=\"app-search\">", html);
        Assert.Contains("name=\"q\"", html);
    }
}
