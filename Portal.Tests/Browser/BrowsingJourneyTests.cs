using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>What a delegate does in a real browser: browse down to the seed letter and follow its reply thread.</summary>
public class BrowsingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BrowseFromHomeThroughSession75AndItem71ToTheSeedLetterAndFollowTheReply()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "General Assembly, 75th session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/ga/75");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("General Assembly, 75th session");

        await page.GetByRole(AriaRole.Link, new() { Name = "Right of peoples to self-determination" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/ga/75/items/71");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Right of peoples to self-determination");

        await page.GetByRole(AriaRole.Link, new() { Name = "Letter dated 30 March 2021 from the Permanent Representative of Armenia" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        var title = page.Locator("#document-title");
        await Assertions.Expect(title).ToHaveTextAsync("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信");
        await Assertions.Expect(page.Locator(".signatory .name")).ToHaveTextAsync(["米海尔·马尔加良", "大卫·巴巴扬"]);
        Assert.Equal("zh", await page.Locator("article.un-document").GetAttributeAsync("lang"));

        var reply = page.Locator(".references a.reference.held");
        await Assertions.Expect(reply).ToHaveAttributeAsync("href", "/A/75/778");
        await reply.ClickAsync();
        await page.WaitForURLAsync("**/A/75/778");
        await Assertions.Expect(page.Locator(".un-symbols .symbol")).ToHaveTextAsync("A/75/778\u2013S/2021/177");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Replied to by" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".references a.reference.held")).ToContainTextAsync("Letter dated 30 March 2021 from Armenia");

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#document-title")).ToHaveTextAsync("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信");
    }

    [Fact]
    public async Task SortingAndFilteringTheAgendaTableChangeTheUrlAndSurviveReload()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sessions/ga/75/items/71");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "Filter by language" }).GetByText("العربية").ClickAsync();
        await page.WaitForURLAsync("**/sessions/ga/75/items/71?lang=ar");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sort by symbol" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/ga/75/items/71?lang=ar&sort=symbol");
        await Assertions.Expect(page.Locator("tbody tr td.symbol").First).ToContainTextAsync("A/75/950");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tbody tr td.symbol").First).ToContainTextAsync("A/75/950");
    }

    [Fact]
    public async Task ArabicVersionIsLaidOutRightToLeft()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/ar/A/75/950");

        var article = page.Locator("article.un-document");
        await Assertions.Expect(article).ToHaveCSSAsync("direction", "rtl");
        await Assertions.Expect(page.Locator("#document-title")).ToContainTextAsync("رسالة مؤرخة");
    }

    [Fact]
    public async Task KestrelRejectsANulInThePathWithA400()
    {
        // The in-memory test server cannot send a raw NUL; real Kestrel is what visitors reach.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, browser.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /A/75/778%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 400", statusLine);
    }
}
