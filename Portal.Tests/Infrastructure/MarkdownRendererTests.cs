using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    public void RawHtmlInABodyIsEscapedNeverEmitted(string body)
    {
        var html = _renderer.Render(body);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void FootnoteCallsLinkToTheirNoteWithinTheScope()
    {
        var html = _renderer.Render("资金上[^1]和通过", "annex1");

        Assert.Contains("<sup class=\"footnote-ref\"><a href=\"#annex1-fn-1\" id=\"annex1-fnref-1\"", html);
        Assert.Equal("annex1-fn-1", MarkdownRenderer.FootnoteAnchor("annex1", 1));
    }

    [Fact]
    public void TablesAndLinksRender()
    {
        var html = _renderer.Render("| a | b |\n| --- | --- |\n| 1 | 2 |\n\nSee www.example.org.");

        Assert.Contains("<table>", html);
        Assert.Contains("<a href=\"http://www.example.org\"", html);
    }

    [Fact]
    public void JavascriptLinksAreNotRenderedAsLinks()
    {
        var html = _renderer.Render("[click](javascript:alert(1))");

        Assert.DoesNotContain("href=\"javascript:", html);
    }

    [Fact]
    public void InlineRenderingDropsTheParagraph()
    {
        Assert.Equal("<em>a</em> b", _renderer.RenderInline("*a* b"));
    }
}
