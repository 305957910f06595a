using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Files;

public sealed class FileEndpointsFixture : PortalAppFactory, IAsyncLifetime
{
    public const string Symbol = "A/80/123";
    public const string Url = "/A/80/123/en.pdf";

    public byte[] Pdf { get; private set; } = [];
    public string PdfSha256 { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        (Pdf, PdfSha256) = TestDocuments.FakePdf(300_000, seed: 1);
        var version = await TestDocuments.AddAsync(Services, Symbol);
        await TestDocuments.AttachAsync(Services, version, FileFormat.Pdf, Pdf, "upload.pdf", "application/pdf");
    }
}

public class FileEndpointsTests(FileEndpointsFixture app) : IClassFixture<FileEndpointsFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FileComesWithTypeDispositionEtagAndLastModified()
    {
        var response = await app.CreateClient().GetAsync(FileEndpointsFixture.Url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.Pdf.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{app.PdfSha256}\"", response.Headers.ETag?.Tag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("A_80_123-EN.pdf", disposition.FileNameStar);
        Assert.Equal("A_80_123-EN.pdf", disposition.FileName);
        Assert.Equal(app.Pdf, await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task ConditionalGetWithTheEtagOrTheDateGets304()
    {
        var client = app.CreateClient();
        var first = await client.GetAsync(FileEndpointsFixture.Url, Cancel);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(byTag, Cancel);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var notModifiedSince = await client.SendAsync(byDate, Cancel);
        using var otherTag = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        var changed = await client.SendAsync(otherTag, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task FailedIfMatchOrIfUnmodifiedSinceGets412WithAProblemBodyNotTheNotFoundPage()
    {
        var client = app.CreateClient();
        using var byTag = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        byTag.Headers.IfMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var byDate = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        byDate.Headers.IfUnmodifiedSince = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var matching = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        matching.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{app.PdfSha256}\""));

        foreach (var request in new[] { byTag, byDate })
        {
            var response = await client.SendAsync(request, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);

            Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Precondition failed", body);
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        }
        var unchanged = await client.SendAsync(matching, Cancel);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(app.Pdf, await unchanged.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task OneRangeGets206WithThoseBytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var response = await app.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-1999/{app.Pdf.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(app.Pdf[1000..2000], await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task ResumingFromAnOffsetGetsTheRestOfTheFile()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        request.Headers.Range = new RangeHeaderValue(250_000, null);
        var response = await app.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(app.Pdf[250_000..], await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task SeveralRangesGetMultipartByteranges()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-99, 5000-5099, -50");
        var response = await app.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("multipart/byteranges", contentType.MediaType);
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync(Cancel));
        var expected = new[] { (0, 99), (5000, 5099), (app.Pdf.Length - 50, app.Pdf.Length - 1) };
        foreach (var (start, end) in expected)
        {
            var section = await reader.ReadNextSectionAsync(Cancel);
            Assert.NotNull(section);
            Assert.Equal("application/pdf", section.ContentType);
            Assert.Equal($"bytes {start}-{end}/{app.Pdf.Length}", section.Headers!["Content-Range"].ToString());
            using var part = new MemoryStream();
            await section.Body.CopyToAsync(part, Cancel);
            Assert.Equal(app.Pdf[start..(end + 1)], part.ToArray());
        }
        Assert.Null(await reader.ReadNextSectionAsync(Cancel));
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=500-100")]
    [InlineData("pages=1-2")]
    [InlineData("bytes=999999999-")]
    [InlineData("bytes=999999999-, 999999990-999999999")]
    public async Task MalformedOrUnsatisfiableRangeGets416(string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FileEndpointsFixture.Url);
        request.Headers.TryAddWithoutValidation("Range", range);
        var response = await app.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{app.Pdf.Length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task ChineseTitleSurvivesInTheFileNameBesideAReadableAsciiName()
    {
        // The seed letter has no symbol, so its files are named after its Chinese title; tools that
        // read only filename= (curl -OJ) get a readable name instead of a row of underscores.
        var response = await app.CreateClient().GetAsync("/documents/1/zh.md", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''", raw);
        Assert.Equal("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信-ZH.md", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("document-1-ZH.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.All(raw, c => Assert.True(c < 128, "header values must be ASCII"));
    }

    [Theory]
    [InlineData("/A/75/778/en.pdf", "A_75_778-EN.pdf")]
    [InlineData("/documents/1/zh.pdf", "document-1-ZH.pdf")]
    public async Task CurlSavesFilesUnderTheirUnName(string url, string expected)
    {
        var response = await app.CreateClient().GetAsync(url, HttpCompletionOption.ResponseHeadersRead, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentDisposition!.FileName);
    }

    [Fact]
    public async Task MarkdownAndTextCarryTheStructuredText()
    {
        var client = app.CreateClient();
        var markdown = await client.GetAsync("/documents/1/zh.md", Cancel);
        var text = await client.GetAsync("/documents/1/ch.txt", Cancel);

        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", markdown.Content.Headers.ContentType?.CharSet);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        foreach (var body in new[] { await markdown.Content.ReadAsStringAsync(Cancel), await text.Content.ReadAsStringAsync(Cancel) })
        {
            Assert.Contains("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", body);
            Assert.Contains("米海尔·马尔加良", body);
            Assert.Contains("阿尔扎赫共和国外交部长给秘书长的信", body);
            // The header reads as the page prints it in the version's language, without "Date: dated".
            Assert.Contains("第七十五届会议", body);
            Assert.Contains("议程项目 34、71、72 和 135", body);
            Assert.DoesNotContain("dated", body);
        }
        Assert.DoesNotContain("**", await text.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("/A/80/123/de.pdf", "not one of the six UN languages")]
    [InlineData("/A/80/123/en.exe", "not a download format")]
    [InlineData("/A/80/123/fr.pdf", "no French version")]
    [InlineData("/A/80/123/en.docx", "has no Word file")]
    [InlineData("/A/80/999/en.pdf", "no document with the symbol A/80/999")]
    [InlineData("/documents/999999/en.pdf", "no English version")]
    public async Task UnknownDocumentLanguageOrFormatGets404WithAMessage(string url, string message)
    {
        var response = await app.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("/..%2F..%2F..%2Fetc%2Fpasswd/en.pdf")]
    [InlineData("/A/75/..%2F..%2F..%2Fetc/en.txt")]
    [InlineData("/%2E%2E/%2E%2E/etc/passwd/en.md")]
    [InlineData("/A/80/123/..%2F..%2F..%2Fportal.db/en.pdf")]
    // A NUL byte never reaches routing: the test server rejects it client-side, so that case runs
    // against real Kestrel in DownloadJourneyTests and StoreBoundaryTests.
    public async Task PathTricksGetAClear4xxAndNoFile(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("SQLite format", body);
    }

    [Theory]
    [InlineData("/A/75/R.1/en.docx")]
    [InlineData("/A/75/990/en.docx")]
    [InlineData("/A/75/R.1/en.md")]
    [InlineData("/A/75/R.1/en.pdf")]
    [InlineData("/A/75/990/en.pdf")]
    public async Task RestrictedAndDraftFilesAreNeverServedToTheAnonymous(string url)
    {
        // The files exist: the demo data gives every version with a symbol a Word file.
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var symbol = url.Split('/')[1..^1];
            var key = string.Join('/', symbol).ToUpperInvariant();
            Assert.True(await db.StoredFiles.AnyAsync(f => f.Format == FileFormat.Docx && f.LanguageVersion.Document.Symbols.Any(s => s.Key == key), Cancel));
        }

        var response = await app.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DownloadsAreCountedInTheBackground()
    {
        var client = app.CreateClient();
        const string url = "/documents/1/zh.txt";
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var before = await db.DownloadCounts.Where(c => c.DocumentId == 1 && c.Language == "zh").Select(c => c.Count).FirstOrDefaultAsync(Cancel);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Cancel)).StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        long after;
        do
        {
            await Task.Delay(200, Cancel);
            after = await db.DownloadCounts.AsNoTracking().Where(c => c.DocumentId == 1 && c.Language == "zh").Select(c => c.Count).FirstOrDefaultAsync(Cancel);
        }
        while (after < before + 3 && DateTime.UtcNow < deadline);
        Assert.True(after >= before + 3, $"count went from {before} to {after}");
    }

    [Fact]
    public async Task DocumentPageListsTheDownloadsWithSizes()
    {
        var html = await app.CreateClient().GetStringAsync("/A/80/123", Cancel);

        Assert.Contains("href=\"/A/80/123/en.pdf\"", html);
        Assert.Contains("href=\"/A/80/123/en.md\"", html);
        Assert.Contains("293 KB", html);
        Assert.DoesNotContain("/A/80/123/en.docx", html);
    }

    [Fact]
    public async Task FileBytesMatchTheirHash()
    {
        var bytes = await app.CreateClient().GetByteArrayAsync("/A/75/950/fr.docx", Cancel);

        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var stored = await db.StoredFiles.Where(f => f.Format == FileFormat.Docx && f.LanguageVersion.Language == "fr" && f.LanguageVersion.Document.Symbols.Any(s => s.Key == "A/75/950")).SingleAsync(Cancel);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
