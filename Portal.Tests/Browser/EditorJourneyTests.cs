using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Editing;
using Portal.Infrastructure;
using Portal.Tests.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>
/// In real Chromium: an editor signs in with a password and an authenticator code on the server-rendered
/// pages, then, on the interactive editor's page, registers a document with an English and a Chinese
/// version and publishes it; an anonymous visitor then reads it at its symbol. Two editors who save the
/// same document one after the other: the second sees the conflict with both versions and keeps what they
/// typed. An editor uploads several files at once, each with its own progress bar, and a file that is not
/// what its name says is refused with a reason and not stored.
/// </summary>
public class EditorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorSignsInWithTwoFactorsRegistersAndPublishesADocumentThePublicThenReads()
    {
        var editor = await TestAccounts.CreateAsync(browser.Services, "journey.editor@un.example", PortalRoles.Editor, twoFactor: true);
        var page = await browser.NewPageAsync();
        // A loaded shared machine: wait on conditions, generously.
        page.SetDefaultTimeout(90_000);

        await BrowserFixture.SignInAsync(page, editor, "/manage/documents/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".portal-account-link")).ToHaveTextAsync(editor.Email);
        await page.GetByLabel("Symbol(s)").FillAsync("A/75/9201");
        await page.GetByLabel("Agenda items (GA/75/71, SC/2021/1, …)").FillAsync("GA/75/71");
        await page.GetByLabel("Title").First.FillAsync("Letter about the lighthouse keepers");
        await page.GetByLabel("Body (Markdown)").First.FillAsync("The **lighthouse keepers** met.");
        await Assertions.Expect(page.Locator(".markdown-body strong").First).ToHaveTextAsync("lighthouse keepers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a language version" }).ClickAsync();
        await page.GetByLabel("Language", new() { Exact = true }).Nth(1).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Chinese" }).ClickAsync();
        await page.GetByLabel("Title").Nth(1).FillAsync("关于灯塔看守人的信");
        await page.GetByLabel("Body (Markdown)").Nth(1).FillAsync("灯塔看守人开会了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register as draft" }).ClickAsync();

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/manage/documents/[0-9]+$"));
        await Assertions.Expect(page.Locator("#document-status")).ToHaveTextAsync("Draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#document-status")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.Locator(".audit-table")).ToContainTextAsync("Published");
        var pdf = DocumentUploadsTests.Pdf("The lighthouse keepers met");
        await page.Locator("#files-en input[type=file]").SetInputFilesAsync(new FilePayload { Name = "lighthouse.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Assertions.Expect(page.Locator("#files-en .held-files")).ToContainTextAsync("lighthouse.pdf");

        var visitor = await browser.NewPageAsync();
        visitor.SetDefaultTimeout(90_000);
        var response = await visitor.GotoAsync("/zh/A/75/9201");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("灯塔看守人开会了");

        // The visitor finds it under its agenda item and downloads the PDF the editor uploaded, byte for byte.
        await visitor.GotoAsync("/sessions/ga/75/items/71");
        await visitor.Locator("main a").Filter(new() { HasText = "A/75/9201" }).First.ClickAsync();
        await visitor.WaitForURLAsync(url => url.Contains("/A/75/9201", StringComparison.Ordinal));
        var link = visitor.Locator("a.download-link[href='/A/75/9201/en.pdf']");
        var download = await visitor.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    private async Task<IPage> EditorPageAsync(string email, string path)
    {
        var account = await TestAccounts.CreateAsync(browser.Services, email, PortalRoles.Editor, twoFactor: true);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserFixture.SignInAsync(page, account, path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        return page;
    }

    private async Task<int> RegisterDraftAsync(string symbol, string body)
    {
        var draft = new DocumentDraft
        {
            Symbols = symbol,
            AgendaItems = "GA/75/71",
            IssuedOn = new DateOnly(2025, 11, 3),
            Versions = [new VersionDraft { Language = "en", Title = "Letter on the lighthouse rota", Body = body }],
        };
        var registered = await browser.Services.GetRequiredService<DocumentEditor>().RegisterAsync(Viewers.Secretariat, "setup@un.example", draft);
        Assert.Equal(EditOutcome.Saved, registered.Outcome);
        return registered.DocumentId!.Value;
    }

    private async Task<string> StoredBodyAsync(int id)
    {
        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.LanguageVersions.Where(v => v.DocumentId == id && v.Language == "en").Select(v => v.BodyMarkdown).SingleAsync();
    }

    /// <summary>Types into the English body and waits until the live preview shows it, so the form holds it.</summary>
    private static async Task TypeBodyAsync(IPage page, string text)
    {
        await page.GetByLabel("Body (Markdown)").First.FillAsync(text);
        await Assertions.Expect(page.Locator(".markdown-body").First).ToContainTextAsync(text);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsSavingTheSameDocumentSeesBothVersionsAndKeepsWhatTheyTyped()
    {
        var id = await RegisterDraftAsync("A/75/9211", "The rota as registered.");
        var first = await EditorPageAsync("first.editor@un.example", $"/manage/documents/{id}");
        var second = await EditorPageAsync("second.editor@un.example", $"/manage/documents/{id}");

        await TypeBodyAsync(first, "The rota as the first editor wrote it.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(first.GetByText("Saved.")).ToBeVisibleAsync();
        Assert.Equal("The rota as the first editor wrote it.", await StoredBodyAsync(id));

        await TypeBodyAsync(second, "The rota as the second editor wrote it.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var conflict = second.Locator("#edit-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("Another editor saved this document");
        await Assertions.Expect(conflict).ToContainTextAsync("The rota as the first editor wrote it.");
        await Assertions.Expect(second.GetByLabel("Body (Markdown)").First).ToHaveValueAsync("The rota as the second editor wrote it.");
        Assert.Equal("The rota as the first editor wrote it.", await StoredBodyAsync(id));

        // Saving again, knowingly, keeps the second editor's text.
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByText("Saved.")).ToBeVisibleAsync();
        Assert.Equal("The rota as the second editor wrote it.", await StoredBodyAsync(id));
    }

    [Fact]
    public async Task AnEditorUploadsSeveralFilesWithAProgressBarEachAndAFileOfTheWrongTypeIsRefused()
    {
        var id = await RegisterDraftAsync("A/75/9212", "The rota with its files.");
        var page = await EditorPageAsync("upload.editor@un.example", $"/manage/documents/{id}");
        // Remember every per-file progress bar the page shows, however briefly.
        await page.EvaluateAsync("""
            () => {
                window.portalProgressBars = new Set();
                const note = () => document.querySelectorAll('[role=progressbar][aria-label^="Uploading "]')
                    .forEach(bar => window.portalProgressBars.add(bar.getAttribute('aria-label')));
                new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
            }
            """);

        await page.Locator("#files-en input[type=file]").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "rota.pdf", MimeType = "application/pdf", Buffer = DocumentUploadsTests.Pdf("The lighthouse rota") },
            new FilePayload { Name = "rota.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = DocumentUploadsTests.Docx("The lighthouse rota") },
            new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = "These are plain notes, not a PDF."u8.ToArray() },
        });

        var outcomes = page.Locator("#files-en .upload-outcome");
        await Assertions.Expect(outcomes).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#files-en .upload-row").Filter(new() { HasText = "notes.pdf" })).ToContainTextAsync("neither a PDF nor a Word document");
        await Assertions.Expect(page.Locator("#files-en .held-files li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#files-en .held-files")).ToContainTextAsync("rota.pdf");
        await Assertions.Expect(page.Locator("#files-en .held-files")).ToContainTextAsync("rota.docx");
        var bars = await page.EvaluateAsync<string[]>("() => [...window.portalProgressBars].sort()");
        Assert.Equal(["Uploading notes.pdf", "Uploading rota.docx", "Uploading rota.pdf"], bars);

        await using var db = await browser.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.StoredFiles.Where(f => f.LanguageVersion.DocumentId == id).Select(f => f.FileName).OrderBy(n => n).ToListAsync();
        Assert.Equal(["rota.docx", "rota.pdf"], stored);
    }
}
