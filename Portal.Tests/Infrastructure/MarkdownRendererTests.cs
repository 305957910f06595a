using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Infrastructure;

namespace Portal.Tests.Infrastructure;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private IDocument Parse(string markdown, string footnoteScope = "doc") =>
        new HtmlParser().ParseDocument($"<body>{_renderer.Render(markdown, footnoteScope)}</body>");

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

        Assert.Contains("<sup class=\"footnote-ref\"><a href=\"#annex1-fn-1\" id=\"annex1-fnref-1\" aria-label=\"Footnote 1\">1</a></sup>", html);
        Assert.Equal("<p>资金上<sup class=\"footnote-ref\"><a href=\"#annex1-fn-1\" id=\"annex1-fnref-1\" aria-label=\"Footnote 1\">1</a></sup>和通过</p>\n", html);
        Assert.Equal("annex1-fn-1", MarkdownRenderer.FootnoteAnchor("annex1", 1));
        Assert.Equal("annex1-fnref-1", MarkdownRenderer.FootnoteCallAnchor("annex1", 1));
    }

    [Fact]
    public void SeveralCallsInOneParagraphEachLink()
    {
        var document = Parse("a[^1] b,[^12] c.[^123] d[^1234] e[^x]", "letter");

        Assert.Equal(["#letter-fn-1", "#letter-fn-12", "#letter-fn-123"], document.QuerySelectorAll("sup.footnote-ref a").Select(a => a.GetAttribute("href")));
        Assert.Contains("d[^1234] e[^x]", document.Body!.TextContent);
    }

    [Fact]
    public void AFootnoteCallInALinkTitleStaysText()
    {
        var document = Parse("[the report](https://example.org/r \"see [^1]\")");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("see [^1]", link.GetAttribute("title"));
        Assert.Equal("https://example.org/r", link.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("sup"));
    }

    [Fact]
    public void AFootnoteCallInAnImageAltStaysText()
    {
        var document = Parse("![map [^1] of the area](data:image/png;base64,iVBORw0KGgo=)");

        // Images are dropped for their alt text, or (were they allowed) keep it in the attribute.
        Assert.Empty(document.QuerySelectorAll("sup, a"));
        var texts = document.QuerySelectorAll("img").Select(i => i.GetAttribute("alt")).Append(document.Body!.TextContent);
        Assert.Contains(texts, t => t!.Contains("map [^1] of the area"));
    }

    [Fact]
    public void AFootnoteCallInInlineCodeStaysText()
    {
        var document = Parse("Write `[^1]` to call a note.");

        Assert.Equal("[^1]", document.QuerySelector("code")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("sup, a"));
    }

    [Fact]
    public void AFootnoteCallInAFencedCodeBlockStaysText()
    {
        var document = Parse("```\nNote[^1] \"><script>x</script>\n```");

        Assert.Equal("Note[^1] \"><script>x</script>\n", document.QuerySelector("pre code")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("sup, a, script"));
    }

    [Fact]
    public void AFootnoteCallInLinkTextIsMarkedWithoutNestingAnchors()
    {
        var document = Parse("[the report[^2]](https://example.org/r)");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("2", link.QuerySelector("sup.footnote-ref")!.TextContent);
    }

    [Theory]
    [InlineData("x[^1\"><script>alert(1)</script>]")]
    [InlineData("x[^\"onmouseover=alert(1)]")]
    [InlineData("x[^<b>1</b>]")]
    [InlineData("x[^1 \"title\"]")]
    public void MarkerTextThatIsNotANumberCannotBreakOut(string markdown)
    {
        var document = Parse(markdown);

        Assert.Empty(document.QuerySelectorAll("sup, a, script, b"));
        Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "title"));
    }

    [Fact]
    public void AScopeWithQuotesIsEscapedInTheAnchors()
    {
        var document = Parse("x[^1]", "a\"><b id=\"pwn");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("a\"><b id=\"pwn-fnref-1", link.Id);
        Assert.Empty(document.QuerySelectorAll("b"));
    }

    [Fact]
    public void TablesAndLinksRender()
    {
        var html = _renderer.Render("| a | b |\n| --- | --- |\n| 1 | 2 |\n\nSee www.example.org.");

        Assert.Contains("<table>", html);
        Assert.Contains("<a href=\"http://www.example.org\" rel=\"noopener noreferrer nofollow\">", html);
    }

    [Theory]
    [InlineData("![x](/etc/passwd)", "passwd")]
    [InlineData("![x](file:///etc/passwd)", "passwd")]
    [InlineData("![x](http://169.254.169.254/latest)", "169.254")]
    [InlineData("![x](//evil.example/x.png)", "evil")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zy8+)", "data:")]
    [InlineData("[x](//evil.example)", "evil")]
    [InlineData("[x](javascript:alert(1))", "script")]
    [InlineData("[x](JAVASCRIPT:alert(1))", "script")]
    [InlineData("[x](java&#09;script:alert(1))", "script")]
    [InlineData("[x](<java\tscript:alert(1)>)", "script")]
    [InlineData("[x](%6Aavascript:alert(1))", "script")]
    [InlineData("[x](&#106;avascript:alert(1))", "script")]
    [InlineData("[x](&#x20;javascript:alert(1))", "script")]
    [InlineData("[x](java&#x200B;script:alert(1))", "script")]
    [InlineData("[x](vbscript:msgbox(1))", "script")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("[x](file:///etc/passwd)", "passwd")]
    [InlineData("[x](/\\evil.example)", "evil")]
    [InlineData("[x](\\\\evil.example)", "evil")]
    [InlineData("[x](http:\\\\evil.example)", "evil")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "script")]
    [InlineData("<script>alert(1)</script>", "alert")]
    [InlineData("<javascript:alert(1)>", "script")]
    [InlineData("<JaVaScRiPt:alert(1)>", "script")]
    public void HostileUrlsNeverReachAnAttribute(string markdown, string payload)
    {
        var document = Parse(markdown);

        Assert.Empty(document.QuerySelectorAll("img, script, iframe, object, embed"));
        Assert.All(document.All, element => Assert.DoesNotContain(element.Attributes, a => a.Value.Contains(payload, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](//evil.example)")]
    [InlineData("[x](/\\evil.example)")]
    [InlineData("[x](docs/report.pdf)")]
    public void ARefusedLinkRendersAsItsText(string markdown)
    {
        Assert.Equal("<p>x</p>\n", _renderer.Render(markdown));
    }

    [Fact]
    public void AnImageRendersAsItsAltText()
    {
        Assert.Equal("<p>Map of the <em>area</em>: map</p>\n", _renderer.Render("Map of the *area*: ![map](/etc/passwd \"t\")"));
    }

    [Theory]
    [InlineData("[x](https://undocs.org/en/A/75/778)", "https://undocs.org/en/A/75/778", true)]
    [InlineData("[x](HTTP://example.org/a?b=1&c=2)", "HTTP://example.org/a?b=1&c=2", true)]
    [InlineData("See www.example.org.", "http://www.example.org", true)]
    [InlineData("<https://example.org/x>", "https://example.org/x", true)]
    [InlineData("[x](mailto:info@example.org)", "mailto:info@example.org", false)]
    [InlineData("<info@example.org>", "mailto:info@example.org", false)]
    [InlineData("[x](/documents/12)", "/documents/12", false)]
    [InlineData("[x](#annex-section-1)", "#annex-section-1", false)]
    public void AllowedLinksKeepTheirUrlAndExternalOnesGetRel(string markdown, string href, bool external)
    {
        var link = Assert.Single(Parse(markdown).QuerySelectorAll("a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(external ? "noopener noreferrer nofollow" : null, link.GetAttribute("rel"));
    }

    [Fact]
    public void InlineRenderingDropsTheParagraph()
    {
        Assert.Equal("<em>a</em> b", _renderer.RenderInline("*a* b"));
    }

    [Fact]
    public void EverySymbolTheTextMentionsLinksToItsPermalink()
    {
        var links = Parse("以回应阿塞拜疆外交部长的信(A/75/778-S/2021/177，附件)。See also a/c.3 and A/C.3/75/L.12/Rev.1.").QuerySelectorAll("a.symbol-link");

        Assert.Equal(["/A/75/778", "/S/2021/177", "/A/C.3/75/L.12/Rev.1"], links.Select(l => l.GetAttribute("href")));
        Assert.Equal(["A/75/778", "S/2021/177", "A/C.3/75/L.12/Rev.1"], links.Select(l => l.TextContent));
    }

    [Fact]
    public void ASymbolInAFootnoteLinksToo()
    {
        var link = Assert.Single(new HtmlParser().ParseDocument($"<body>{_renderer.RenderInline("E/2021/12, annex")}</body>").QuerySelectorAll("a.symbol-link"));

        Assert.Equal(("/E/2021/12", "E/2021/12"), (link.GetAttribute("href"), link.TextContent));
    }

    [Theory]
    [InlineData("HIV/AIDS and/or TCP/IP, N/A")]
    [InlineData("[see A/75/778](https://undocs.org/en/A/75/778)")]
    [InlineData("https://undocs.org/ch/A/75/778")]
    [InlineData("`A/75/778`")]
    [InlineData("ISBN978/A/75/778")]
    public void WordsWithASlashCodeAndSymbolsInsideLinksAreNoSymbolLinks(string markdown)
    {
        Assert.Empty(Parse(markdown).QuerySelectorAll("a.symbol-link"));
    }
}
