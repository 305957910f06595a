using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Entities;
using Portal.Features.Ingestion;
using Portal.Infrastructure;
using Portal.Tests.Features.Ingestion;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium: an editor reviewing an uploaded PDF sees the PDF itself framed beside the text the reader
/// got, at page 1 with the text of page 1; choosing page 2 moves the frame to page 2 and shows page 2's text.
/// </summary>
public sealed class IngestionPdfReviewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReviewScreenFramesTheUploadedPdfAtThePageChosen()
    {
        var batches = browser.Services.GetRequiredService<IngestionCommands>();
        var pdf = await File.ReadAllBytesAsync(await IngestionFixtureFiles.PdfPathAsync("en-joint-letter"), Cancel);
        var uploaded = await batches.UploadAsync(Viewers.Secretariat, "pdf.reviewer@un.example", [("joint-letter.pdf", new MemoryStream(pdf))], Cancel);
        IngestionBatchView batch;
        while (!(batch = (await batches.GetBatchAsync(Viewers.Secretariat, uploaded.BatchId!.Value, Cancel))!).Finished)
        {
            await Task.Delay(200, Cancel);
        }
        Assert.Equal(IngestionFileStatus.Extracted, batch.Files[0].Status);
        var id = batch.Files[0].Id;
        var source = Regex.Escape(IngestionSourceEndpoint.Url(id));

        var editor = await TestAccounts.CreateAsync(browser.Services, "pdf.reviewer@un.example", PortalRoles.Editor, twoFactor: true);
        var page = await browser.NewPageAsync();
        // A loaded shared machine: wait on conditions, generously.
        page.SetDefaultTimeout(90_000);
        await BrowserFixture.SignInAsync(page, editor, IngestReviewPage.Url(id));
        await BrowserFixture.WaitForInteractiveAsync(page);

        var frame = page.Locator("iframe#source-pdf-frame");
        await Assertions.Expect(frame).ToHaveAttributeAsync("src", new Regex($"^{source}#page=1$"));
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", "joint-letter.pdf as uploaded, page 1");
        await Assertions.Expect(page.Locator("#source-text .source-page-marker")).ToHaveTextAsync(["— Page 1 —"]);
        await Assertions.Expect(page.Locator("#source-text")).ToContainTextAsync("Letter dated 15 March 2021");
        Assert.True(await page.Locator("#source-pdf-page option").CountAsync() >= 2, "The fixture prints on at least two pages.");

        await page.GetByLabel("Page shown").SelectOptionAsync("2");
        await Assertions.Expect(frame).ToHaveAttributeAsync("src", new Regex($"^{source}#page=2$"));
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", "joint-letter.pdf as uploaded, page 2");
        await Assertions.Expect(page.Locator("#source-text .source-page-marker")).ToHaveTextAsync(["— Page 2 —"]);
        await Assertions.Expect(page.Locator("#source-text")).Not.ToContainTextAsync("Letter dated 15 March 2021");

        // The frame really holds the PDF: the browser fetched it with the editor's cookie and the portal served it.
        var fetched = await page.APIRequest.GetAsync(IngestionSourceEndpoint.Url(id));
        Assert.Equal(200, fetched.Status);
        Assert.Equal("application/pdf", fetched.Headers["content-type"]);
    }
}
