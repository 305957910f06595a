using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Tests.Support;
using Portal.Features.Archives;

namespace Portal.Tests.Browser;

/// <summary>A delegate downloads a Word file from a document page and a whole agenda item as a ZIP, in a real browser.</summary>
public class DownloadJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DownloadAWordFileFromTheDocumentPageAndTheAgendaItemAsAZip()
    {
        // Issued PDFs for both versions of A/74/600, the only document under GA 74 item 98.
        var pdfs = new Dictionary<string, string>();
        await using (var db = browser.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var versions = await db.LanguageVersions.Where(v => v.Document.Symbols.Any(s => s.Key == "A/74/600")).Select(v => new { v.Id, v.Language }).ToListAsync();
            foreach (var (version, i) in versions.Select((v, i) => (v, i)))
            {
                var (bytes, sha) = TestDocuments.FakePdf(40_000, seed: 100 + i);
                await TestDocuments.AttachAsync(browser.Services, version.Id, FileFormat.Pdf, bytes, "issued.pdf", "application/pdf");
                pdfs[version.Language] = sha;
            }
        }
        var page = await browser.NewPageAsync();

        // The links are plain <a href> GETs, so they work before the Blazor circuit connects.
        await page.GotoAsync("/A/74/600");
        var word = page.Locator("a.download-link[href='/A/74/600/en.docx']");
        await Assertions.Expect(word).ToContainTextAsync("DOCX");
        var docx = await page.RunAndWaitForDownloadAsync(() => word.ClickAsync());
        Assert.Equal("A_74_600-EN.docx", docx.SuggestedFilename);
        var docxBytes = await File.ReadAllBytesAsync((await docx.PathAsync())!);
        await using (var db = browser.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var stored = await db.StoredFiles.SingleAsync(f => f.Format == FileFormat.Docx && f.LanguageVersion.Language == "en" && f.LanguageVersion.Document.Symbols.Any(s => s.Key == "A/74/600"));
            Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(docxBytes)));
        }
        using (var wordPackage = new ZipArchive(new MemoryStream(docxBytes)))
        {
            Assert.NotNull(wordPackage.GetEntry("word/document.xml"));
        }

        // Once the circuit is up, the router must not swallow the click on the archive link.
        await page.GotoAsync("/sessions/ga/74/items/98");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var all = page.Locator("a.download-all-link");
        await Assertions.Expect(all).ToHaveAttributeAsync("href", "/sessions/ga/74/items/98/download.zip?format=pdf");
        var archive = await page.RunAndWaitForDownloadAsync(() => all.ClickAsync());
        Assert.Equal("GA74_item_98.zip", archive.SuggestedFilename);
        using var zip = new ZipArchive(File.OpenRead((await archive.PathAsync())!));
        await using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var manifest = (await JsonSerializer.DeserializeAsync<Manifest>(manifestStream, JsonSerializerOptions.Web))!;
        Assert.Equal(["en", "ru"], manifest.Files.Select(f => f.Language).Order());
        foreach (var file in manifest.Files)
        {
            Assert.Equal("A/74/600", file.Symbol);
            Assert.Equal(pdfs[file.Language], file.Sha256);
            await using var entry = zip.GetEntry(file.FileName)!.Open();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(entry)));
        }
    }

    [Fact]
    public async Task KestrelRejectsANulInAFileUrlWithA400()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, browser.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /A/75/950%00/../en.docx HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);

        Assert.StartsWith("HTTP/1.1 400", await reader.ReadLineAsync());
    }
}
