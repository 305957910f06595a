using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Infrastructure;
using Portal.Tests.Features.Ingestion;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium: an editor uploads the seed letter exactly as shared/seed holds it (Fixtures/seed-letter.zh.txt, byte for byte) on the ingestion page,
/// follows the batch until it is read, reviews the proposal beside the source text (every field the issue lists
/// for the seed, the missing symbol marked uncertain), types the symbol, accepts it as a draft with the file as
/// its original, and uploads the same file again, which is offered as the existing record.
/// </summary>
public partial class IngestionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorIngestsTheSeedLetterReviewsEveryFieldAndAcceptsItAsADraft()
    {
        var editor = await TestAccounts.CreateAsync(browser.Services, "ingest.editor@un.example", PortalRoles.Editor, twoFactor: true);
        var page = await browser.NewPageAsync();
        // A loaded shared machine: wait on conditions, generously.
        page.SetDefaultTimeout(90_000);
        await BrowserFixture.SignInAsync(page, editor, "/manage/ingest");

        await UploadSeedAsync(page);
        await Assertions.Expect(page.Locator("#source-text")).ToContainTextAsync("— Page 1 —");
        await Assertions.Expect(page.Locator("#source-text")).ToContainTextAsync("米海尔·马尔加良");
        await Assertions.Expect(page.Locator("#uncertain-fields")).ToContainTextAsync("symbols");
        await Assertions.Expect(page.GetByLabel("Symbol(s)")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#proposed-session")).ToContainTextAsync("75");
        await Assertions.Expect(page.Locator("#proposed-sc-year")).ToContainTextAsync("76");
        await Assertions.Expect(page.Locator("#proposed-kind")).ToContainTextAsync("letter");
        await Assertions.Expect(page.Locator("#proposed-language")).ToContainTextAsync("zh");
        await Assertions.Expect(page.Locator("#proposed-footnotes")).ToContainTextAsync("7");
        await Assertions.Expect(page.Locator("#proposed-replies-to")).ToContainTextAsync("A/75/778, S/2021/177");
        await Assertions.Expect(page.Locator(".proposed-agenda-item")).ToHaveTextAsync(["34 预防武装冲突", "71 人民自决的权利", "72 促进和保护人权", "135 保护责任与防止灭绝种族、战争罪、族裔清洗和危害人类罪"]);
        await Assertions.Expect(page.GetByLabel("Agenda items (GA/75/71, SC/2021/1, …)")).ToHaveValueAsync("GA/75/34, GA/75/71, GA/75/72, GA/75/135");
        await Assertions.Expect(page.GetByLabel("Dated")).ToHaveValueAsync("2021-03-30");
        await Assertions.Expect(page.GetByLabel("Sender")).ToHaveValueAsync("Armenia");
        await Assertions.Expect(page.GetByLabel("Addressee")).ToHaveValueAsync("Secretary-General");
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信");
        await Assertions.Expect(page.GetByLabel("Annex 1: title")).ToHaveValueAsync("阿尔扎赫共和国外交部长给秘书长的信");
        await Assertions.Expect(page.GetByLabel("Annex 2: title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Signature 1: name as written")).ToHaveValueAsync("米海尔·马尔加良");
        await Assertions.Expect(page.GetByLabel("Signature 1: title and function, one per line")).ToHaveValueAsync("常驻代表, 大使");
        await Assertions.Expect(page.GetByLabel("Signature 2: name as written")).ToHaveValueAsync("大卫·巴巴扬");
        await Assertions.Expect(page.GetByLabel("Signature 2: title and function, one per line")).ToHaveValueAsync("阿尔扎赫共和国外交部长");
        await Assertions.Expect(page.GetByLabel("Footnote 7: text (Markdown)")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Footnote 8: text (Markdown)")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Reference 1: symbol")).ToHaveValueAsync("A/75/778");
        await Assertions.Expect(page.GetByLabel("Reference 2: symbol")).ToHaveValueAsync("S/2021/177");

        await page.GetByLabel("Symbol(s)").FillAsync("A/75/9811–S/2021/9811");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and register as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => DocumentUrl().IsMatch(url));
        await Assertions.Expect(page.Locator("#document-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("#files-zh")).ToContainTextAsync("Original: seed-letter.zh.txt");
        await Assertions.Expect(page.GetByLabel("Sender")).ToHaveValueAsync("Armenia");

        // The same bytes again: recognised, and offered as the record just registered.
        await page.GotoAsync("/manage/ingest");
        await UploadSeedAsync(page);
        await Assertions.Expect(page.Locator("#existing-record a")).ToHaveAttributeAsync("href", DocumentUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept and register as a draft" })).ToHaveCountAsync(0);
    }

    private static async Task UploadSeedAsync(IPage page)
    {
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(IngestionFixtureFiles.SeedPath);
        await page.WaitForURLAsync(url => url.Contains("/manage/ingest/batches/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#batch-progress-text")).ToContainTextAsync("1 of 1 files read");
        await page.GetByRole(AriaRole.Link, new() { Name = "Review seed-letter.zh.txt" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/manage/ingest/files/", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
    }

    [GeneratedRegex("/manage/documents/[0-9]+$")]
    private static partial Regex DocumentUrl();
}
