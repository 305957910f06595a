using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Documents;

/// <summary>The side-by-side view of two language versions over HTTP (A/75/300 is held in all six): aligned rows, each cell in its version's language and direction, and 404s that say what is missing.</summary>
public class DocumentCompareTests(DocumentCompareTests.Fixture fixture) : IClassFixture<DocumentCompareTests.Fixture>
{
    public sealed class Fixture : PortalAppFactory;

    private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Page)> GetAsync(string path)
    {
        using var client = fixture.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.GetAsync(path);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task EachRowHoldsTheSamePassageInBothVersionsEachInItsOwnLanguageAndDirection()
    {
        var (status, page) = await GetAsync("/A/75/300/compare?left=en&right=zh");

        Assert.Equal(HttpStatusCode.OK, status);
        var cells = page.QuerySelectorAll(".compare > .compare-cell").ToList();
        Assert.True(cells.Count >= 6, $"{cells.Count} cells"); // the column heads, the title, the body
        Assert.Equal(0, cells.Count % 2);
        // Written row by row: first version, second version, first, second...
        for (var i = 0; i < cells.Count; i += 2)
        {
            Assert.Contains("compare-left", cells[i].ClassList);
            Assert.Contains("compare-right", cells[i + 1].ClassList);
            if (!cells[i].ClassList.Contains("compare-missing"))
            {
                Assert.Equal(("en", "ltr"), (cells[i].GetAttribute("lang"), cells[i].GetAttribute("dir")));
            }
            if (!cells[i + 1].ClassList.Contains("compare-missing"))
            {
                Assert.Equal(("zh", "ltr"), (cells[i + 1].GetAttribute("lang"), cells[i + 1].GetAttribute("dir")));
            }
        }
        var body = cells.Where(c => c.ClassList.Contains("compare-body")).ToList();
        Assert.NotEmpty(body);
        // The versions are different texts, and the Chinese one is Chinese.
        Assert.Contains(body.Where(c => c.GetAttribute("lang") == "zh"), c => c.TextContent.Any(ch => ch is >= '\u4e00' and <= '\u9fff'));
        Assert.DoesNotContain(body.Where(c => c.GetAttribute("lang") == "en"), c => c.TextContent.Any(ch => ch is >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public async Task AnArabicVersionRunsRightToLeftInItsColumn()
    {
        var (status, page) = await GetAsync("/A/75/300/compare?left=en&right=ar");

        Assert.Equal(HttpStatusCode.OK, status);
        var right = page.QuerySelectorAll(".compare > .compare-right:not(.compare-missing)").ToList();
        Assert.NotEmpty(right);
        Assert.All(right, c => Assert.Equal(("ar", "rtl"), (c.GetAttribute("lang"), c.GetAttribute("dir"))));
    }

    [Fact]
    public async Task TheDocumentPageLinksToTheComparisonAndTheChoiceIsAForm()
    {
        var (_, document) = await GetAsync("/A/75/300");
        Assert.NotNull(document.QuerySelector("a.compare-link[href^='/A/75/300/compare?left=']"));

        var (_, page) = await GetAsync("/A/75/300/compare?left=zh&right=en");
        Assert.Equal("/A/75/300/compare", page.QuerySelector("form.compare-choice")?.GetAttribute("action"));
        Assert.Equal("zh", page.QuerySelector("select[name=left] option[selected]")?.GetAttribute("value"));
        Assert.Equal("en", page.QuerySelector("select[name=right] option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/A/75/300/compare?left=en&right=xx", "“xx” is not one of the six UN language codes")]
    [InlineData("/A/75/300/compare?left=<b>&right=zh", "is not one of the six UN language codes")]
    [InlineData("/A/75/999/compare?left=en&right=zh", "holds no document with the symbol")]
    public async Task AnUnknownLanguageOrDocumentIsANotFoundThatSaysSo(string path, string message)
    {
        var (status, page) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(message, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", page.Body.InnerHtml);
    }
}

/// <summary>The side-by-side view in Chromium: two columns on a wide screen, one passage after the other on a phone.</summary>
public class DocumentCompareBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, true)]
    [InlineData(390, false)]
    public async Task WideScreensShowTwoColumnsAndNarrowOnesAlternatePassages(int width, bool sideBySide)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/A/75/300/compare?left=en&right=ar");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // The title row, then the first row of the body.
        var passages = page.Locator(".compare > .compare-cell:not(.compare-head)");
        var left = passages.Nth(0);
        var right = passages.Nth(1);
        var nextLeft = passages.Nth(2);
        await Assertions.Expect(left).ToBeVisibleAsync();
        var (l, r, n) = (await left.BoundingBoxAsync(), await right.BoundingBoxAsync(), await nextLeft.BoundingBoxAsync());
        Assert.NotNull(l);
        Assert.NotNull(r);
        Assert.NotNull(n);
        if (sideBySide)
        {
            Assert.True(Math.Abs(l.Y - r.Y) < 1, $"the row's two passages start level ({l.Y}, {r.Y})");
            Assert.True(l.X + l.Width <= r.X, "the first version is left of the second");
        }
        else
        {
            Assert.True(l.Y + l.Height <= r.Y + 1 && r.Y + r.Height <= n.Y + 1, $"one passage after the other: {l.Y}, {r.Y}, {n.Y}");
            Assert.True(r.Width > width / 2, "each passage takes the whole width");
        }
        Assert.Equal("rtl", await right.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await context.CloseAsync();
    }
}
