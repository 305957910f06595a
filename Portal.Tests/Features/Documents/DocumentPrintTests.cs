using Microsoft.Playwright;
using Portal.Tests.Support;
using UglyToad.PdfPig;

namespace Portal.Tests.Features.Documents;

/// <summary>Printing a document page gives the document, not the portal around it (issue #12).</summary>
public class DocumentPrintTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task InPrintTheDocumentShowsWithoutTheAppBarMenuAndSidePanels()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/A/75/950");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".download-panel")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { "header.mud-appbar", ".mud-drawer", ".download-panel", ".references", ".document-facts", ".mud-breadcrumbs" })
        {
            await Assertions.Expect(page.Locator(hidden).First).Not.ToBeVisibleAsync();
        }
        foreach (var shown in new[] { ".un-header", ".document-title", ".markdown-body", ".signatories", ".annex", ".footnotes" })
        {
            await Assertions.Expect(page.Locator(shown).First).ToBeVisibleAsync();
        }
        // The document takes the page's whole width, not the two-thirds column it has on screen.
        var width = await page.EvaluateAsync<double>("document.documentElement.clientWidth");
        var article = await page.Locator("article.un-document").BoundingBoxAsync();
        Assert.True(article!.Width > width * 0.9, $"the document ({article.Width} px) spans the page ({width} px)");
    }

    [Fact]
    public async Task ThePrintedPdfHoldsTheDocumentAndNoneOfThePortal()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/A/75/950");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        TestContext.Current.TestOutputHelper?.WriteLine($"{document.NumberOfPages} pages");
        Assert.Contains("A/75/950", text);
        Assert.DoesNotContain("UN Documents Portal", text);
        Assert.DoesNotContain("About this document", text);
        Assert.DoesNotContain("Downloads", text);
        Assert.DoesNotContain("All sessions", text);
        // The text, then the annex on a page of its own (as the UN prints it); before the print
        // stylesheet the app bar, menu and panels made it four.
        Assert.InRange(document.NumberOfPages, 1, 3);
    }
}
