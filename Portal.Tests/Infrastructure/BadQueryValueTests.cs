using System.Net;
using AngleSharp.Html.Parser;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A page's query value it cannot read (<c>from=2021-02-30</c>, <c>page=abc</c>) is a 400 that still shows the page and
/// its form, with a notice naming the parameter and the value, in the interface language; the feeds answer a bad
/// value with a problem+json 400, as the API does. An absent or empty value is no error. On real Kestrel.
/// </summary>
public class BadQueryValueTests(BadQueryValueTests.Fixture fixture) : IClassFixture<BadQueryValueTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory
    {
        private readonly Lazy<Uri> _address;

        public Fixture() => _address = new(StartKestrel);

        public Uri Address => _address.Value;
    }

    private async Task<(HttpStatusCode Status, string Html, string? MediaType)> GetAsync(string path)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Address };
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The sentences of the page's "could not read" notice, as a reader hears them.</summary>
    private static List<string> Problems(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll(".query-problems li").Select(li => li.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("/search?q=refugees&from=2021-02-30", "from: “2021-02-30” is not a date such as 2021-03-30.")]
    [InlineData("/search?q=refugees&to=yesterday", "to: “yesterday” is not a date such as 2021-03-30.")]
    [InlineData("/search?q=x&page=abc", "page: “abc” is not a page number from 1 to 10000.")]
    [InlineData("/search?q=refugees&page=0", "page: “0” is not a page number from 1 to 10000.")]
    [InlineData("/search?q=refugees&page=10001", "page: “10001” is not a page number from 1 to 10000.")]
    [InlineData("/search?q=refugees&page=-4", "page: “-4” is not a page number from 1 to 10000.")]
    [InlineData("/search?q=refugees&lang=xx", "lang: “xx” is not a UN language code (ar, zh, en, fr, ru, es).")]
    [InlineData("/search?q=refugees&session=ga-x", "session: “ga-x” is not a session such as ga-75 or sc-2021.")]
    [InlineData("/search?q=refugees&item=ga-75", "item: “ga-75” is not an agenda item such as ga-75-71.")]
    [InlineData("/search?q=refugees&organ=un", "organ: “un” is not an organ: use ga, sc or ecosoc.")]
    [InlineData("/search?q=refugees&kind=poem", "kind: “poem” is not one of letter,")]
    [InlineData("/search?q=refugees&distr=7", "distr: “7” is not one of general, limited, restricted.")]
    public async Task TheSearchPageAnswersABadFilterWith400TheFormAndANotice(string path, string notice)
    {
        var (status, html, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(Problems(html), p => p.StartsWith(notice, StringComparison.Ordinal));
        Assert.Contains("<form method=\"get\" action=\"/search\"", html);
        // Results without the filter asked for would pass for filtered ones.
        Assert.DoesNotContain("class=\"search-filters\"", html);
    }

    [Fact]
    public async Task EveryBadSearchFilterIsNamedAndTheGoodOnesStayInTheForm()
    {
        var (status, html, _) = await GetAsync("/search?q=landmines&from=2021-02-30&lang=fr&page=abc&sender=" + new string('s', 201));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problems = Problems(html);
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("sender: “sss", problems[0]);
        Assert.EndsWith("” is longer than 200 characters.", problems[0]);
        Assert.StartsWith("from:", problems[1]);
        Assert.StartsWith("page:", problems[2]);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"fr\"", html);
        Assert.Contains("value=\"landmines\"", html);
    }

    [Theory]
    [InlineData("/sessions/ga/75?page=abc", "page: “abc” is not a page number from 1 to 10000.", "Right of peoples to self-determination")]
    [InlineData("/sessions/ga/75/items/71?page=-1", "page: “-1” is not a page number from 1 to 10000.", "A/75/950")]
    [InlineData("/sessions/ga/75/items/71?kind=nonsense", "kind: “nonsense” is not one of letter,", "A/75/950")]
    [InlineData("/sessions/ga/75/items/71?lang=xx", "lang: “xx” is not a UN language code", "A/75/950")]
    [InlineData("/sessions/ga/75/items/71?sort=sideways", "sort: “sideways” is not one of date, symbol, title, kind.", "A/75/950")]
    [InlineData("/sessions/ga/75/items/71?dir=up", "dir: “up” is not one of asc, desc.", "A/75/950")]
    [InlineData("/sessions/ga/75/items/71?sub=123", "sub: “123” is not a sub-item letter such as a or (b).", "A/75/950")]
    [InlineData("/today?date=2021-02-30", "date: “2021-02-30” is not a date such as 2021-03-30.", "<form method=\"get\" action=\"/today\"")]
    [InlineData("/today?date=0001-01-01", "date: “0001-01-01” is not a date from 1945-01-01 to 2999-12-31.", "<form method=\"get\" action=\"/today\"")]
    [InlineData("/today?organ=xx", "organ: “xx” is not an organ: use ga, sc or ecosoc.", "<form method=\"get\" action=\"/today\"")]
    [InlineData("/today?date=2021-05-07&lang=zz", "lang: “zz” is not a UN language code", "<form method=\"get\" action=\"/today\"")]
    public async Task ListPagesAnswerABadValueWith400ANoticeAndTheirContent(string path, string notice, string content)
    {
        var (status, html, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(Problems(html), p => p.StartsWith(notice, StringComparison.Ordinal));
        Assert.Contains(content, html);
    }

    [Theory]
    [InlineData("/search?q=refugees&from=2021-02-28&to=2021-12-31&lang=fr&session=ga-75&item=ga-75-71&organ=ga&kind=letter&distr=general&sender=Armenia&page=2")]
    [InlineData("/search?q=refugees&from=&to=&lang=&session=&item=&organ=&kind=&distr=&sender=&page=")]
    [InlineData("/search?q=x&lang=CH&kind=Letter&page=007")]
    [InlineData("/sessions/ga/75?page=1")]
    [InlineData("/sessions/ga/75?page=")]
    [InlineData("/sessions/ga/75/items/71?kind=letter&lang=zh&sort=symbol&dir=ASC&page=1&sub=")]
    [InlineData("/sessions/ga/75/items/71?kind=&lang=&sort=&dir=&page=")]
    [InlineData("/today?date=2021-05-07&organ=ga&lang=fr")]
    [InlineData("/today?date=&organ=&lang=")]
    public async Task GoodAndEmptyValuesStillAnswer200WithoutANotice(string path)
    {
        var (status, html, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Problems(html));
        Assert.DoesNotContain("query-problems", html);
    }

    [Theory]
    [InlineData("fr", "from : « 2021-02-30 » n’est pas une date telle que 2021-03-30.", "L’adresse contient une valeur")]
    [InlineData("es", "from: «2021-02-30» no es una fecha como 2021-03-30.", "La dirección contiene un valor")]
    [InlineData("ru", "from: «2021-02-30» — не дата вида 2021-03-30.", "В адресе есть значение")]
    [InlineData("zh", "from：“2021-02-30”不是 2021-03-30 这样的日期。", "地址中有本页无法读取的值")]
    [InlineData("ar", "from: «2021-02-30» ليس تاريخًا مثل 2021-03-30.", "يتضمن العنوان قيمة")]
    public async Task TheNoticeIsInTheInterfaceLanguageWithTheNameAsCodeAndTheValueIsolated(string ui, string notice, string intro)
    {
        var (status, html, _) = await GetAsync("/search?q=refugees&from=2021-02-30&ui=" + ui);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([notice], Problems(html));
        Assert.Contains(intro, WebUtility.HtmlDecode(html));
        Assert.Contains("<code>from</code>", html);
        Assert.Contains("<bdi>2021-02-30</bdi>", html);
    }

    [Fact]
    public async Task AnEchoedValueIsShortenedAndEscaped()
    {
        var (status, html, _) = await GetAsync("/search?q=refugees&from=" + Uri.EscapeDataString("<script>alert(1)</script>" + new string('9', 100)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains(Problems(html), p => p.StartsWith("from: “<script>alert(1)</script>999", StringComparison.Ordinal) && p.Contains("…”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/feeds/ga?page=abc", "“abc” is not a page number")]
    [InlineData("/feeds/sessions/ga/75?page=0", "“0” is not a page number")]
    [InlineData("/feeds/search?q=mines&from=2021-02-30", "from: “2021-02-30” is not a date such as 2021-03-30.")]
    [InlineData("/feeds/search?q=mines&lang=xx", "lang: “xx” is not a UN language code")]
    [InlineData("/feeds/today?organ=xx", "organ: “xx” is not an organ")]
    [InlineData("/feeds/today?date=0001-01-01", "date: “0001-01-01” is not a date from 1945-01-01 to 2999-12-31.")]
    public async Task FeedsAnswerABadValueWithAProblem(string path, string detail)
    {
        var (status, body, mediaType) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains(detail, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
