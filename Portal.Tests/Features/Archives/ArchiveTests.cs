using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Portal.Data.Entities;
using Portal.Tests.Support;
using Portal.Features.Archives;

namespace Portal.Tests.Features.Archives;

public sealed class ArchiveFixture : PortalAppFactory, IAsyncLifetime
{
    public List<(string Symbol, string Sha256)> Uploaded { get; } = [];

    public async ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 3; i++)
        {
            var (bytes, sha) = TestDocuments.FakePdf(50_000 * i, seed: i);
            var version = await TestDocuments.AddAsync(Services, $"A/81/{i}", session: 81, agendaItem: 7);
            await TestDocuments.AttachAsync(Services, version, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");
            Uploaded.Add(($"A/81/{i}", sha));
        }
        var restricted = await TestDocuments.AddAsync(Services, "A/81/R.9", session: 81, agendaItem: 7, distribution: Distribution.Restricted);
        await TestDocuments.AttachAsync(Services, restricted, FileFormat.Pdf, TestDocuments.FakePdf(1000, 91).Bytes, "r.pdf", "application/pdf");
        var draft = await TestDocuments.AddAsync(Services, "A/81/99", session: 81, agendaItem: 7, status: PublicationStatus.Draft);
        await TestDocuments.AttachAsync(Services, draft, FileFormat.Pdf, TestDocuments.FakePdf(1000, 92).Bytes, "d.pdf", "application/pdf");
    }
}

public class ArchiveTests(ArchiveFixture app) : IClassFixture<ArchiveFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(ZipArchive Zip, Manifest Manifest, HttpResponseMessage Response)> GetArchiveAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), ZipArchiveMode.Read);
        await using var manifestStream = zip.GetEntry("manifest.json")!.Open();
        var manifest = (await JsonSerializer.DeserializeAsync<Manifest>(manifestStream, JsonSerializerOptions.Web, Cancel))!;
        return (zip, manifest, response);
    }

    [Fact]
    public async Task AgendaItemArchiveHoldsEveryFileWithItsHashInTheManifest()
    {
        var (zip, manifest, response) = await GetArchiveAsync("/sessions/ga/81/items/7/download.zip");

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("GA81_item_7.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["A/81/1", "A/81/2", "A/81/3"], manifest.Files.Select(f => f.Symbol));
        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.FileName);
            Assert.NotNull(entry);
            await using var content = entry.Open();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, Cancel)));
            Assert.Equal(file.Length, entry.Length);
            // PDFs are compressed already: stored as they are, not deflated again.
            Assert.Equal(entry.Length, entry.CompressedLength);
        }
        Assert.Equal(app.Uploaded.Select(u => u.Sha256), manifest.Files.Select(f => f.Sha256));
        Assert.Equal(["A_81_1-EN.pdf", "A_81_2-EN.pdf", "A_81_3-EN.pdf", "manifest.json"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task ArchivesNeverHoldOrListRestrictedOrDraftDocumentsForTheAnonymous()
    {
        foreach (var url in new[] { "/sessions/ga/81/items/7/download.zip?format=pdf,md", "/sessions/ga/81/download.zip?format=pdf,docx,md,txt" })
        {
            var (zip, manifest, _) = await GetArchiveAsync(url);
            Assert.DoesNotContain(manifest.Files, f => f.Symbol is "A/81/R.9" or "A/81/99");
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("R.9") || e.FullName.Contains("A_81_99"));
        }
        // Nor the demo data's Restricted and draft documents in their own session.
        var (demoZip, demoManifest, _) = await GetArchiveAsync("/sessions/ga/75/download.zip?format=docx");
        Assert.Contains(demoManifest.Files, f => f.Symbol == "A/75/950");
        Assert.DoesNotContain(demoManifest.Files, f => f.Symbol is "A/75/R.1" or "A/75/990");
        Assert.DoesNotContain(demoZip.Entries, e => e.FullName.StartsWith("A_75_R.1") || e.FullName.StartsWith("A_75_990"));
    }

    [Fact]
    public async Task LanguageAndFormatChoicesFilterTheArchive()
    {
        var (zip, manifest, _) = await GetArchiveAsync("/sessions/ga/75/items/71/download.zip?lang=fr&lang=ar&format=docx,md");

        Assert.NotEmpty(manifest.Files);
        Assert.All(manifest.Files, f => Assert.Contains(f.Language, new[] { "fr", "ar" }));
        Assert.Contains(manifest.Files, f => f.Format == "md");
        Assert.Contains(manifest.Files, f => f.Format == "docx");
        Assert.DoesNotContain(manifest.Files, f => f.Format == "pdf");
        // Text is deflated; Word files are stored.
        Assert.All(zip.Entries.Where(e => e.FullName.EndsWith(".md")), e => Assert.True(e.CompressedLength < e.Length));
        Assert.All(zip.Entries.Where(e => e.FullName.EndsWith(".docx")), e => Assert.Equal(e.Length, e.CompressedLength));
    }

    [Fact]
    public async Task TheSameArchiveIsTheSameBytesWithTheSameEtagAndLength()
    {
        var client = app.CreateClient();
        const string url = "/sessions/ga/81/items/7/download.zip?format=pdf,md";
        var first = await client.GetAsync(url, Cancel);
        var firstBytes = await first.Content.ReadAsByteArrayAsync(Cancel);
        var second = await client.GetAsync(url, Cancel);
        var other = await client.GetAsync("/sessions/ga/81/items/7/download.zip?format=pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync(Cancel));
        Assert.NotNull(first.Headers.ETag);
        Assert.False(first.Headers.ETag.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
        Assert.Equal(firstBytes.Length, first.Content.Headers.ContentLength);
        Assert.Equal("bytes", Assert.Single(first.Headers.AcceptRanges));
        using var zip = new ZipArchive(new MemoryStream(firstBytes), ZipArchiveMode.Read);
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        Assert.DoesNotContain("createdAt", await manifest.ReadToEndAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnInterruptedArchiveResumesFromTheMiddleWithIfRange()
    {
        var client = app.CreateClient();
        const string url = "/sessions/ga/81/items/7/download.zip?format=pdf,md";
        var full = await client.GetAsync(url, Cancel);
        var bytes = await full.Content.ReadAsByteArrayAsync(Cancel);
        var middle = bytes.Length / 2;

        using var resume = new HttpRequestMessage(HttpMethod.Get, url);
        resume.Headers.Range = new RangeHeaderValue(middle, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(full.Headers.ETag!);
        var rest = await client.SendAsync(resume, Cancel);
        using var slice = new HttpRequestMessage(HttpMethod.Get, url);
        slice.Headers.Range = new RangeHeaderValue(1000, 60_999);
        var part = await client.SendAsync(slice, Cancel);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.Range = new RangeHeaderValue(middle, null);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"zip-0000\""));
        var whole = await client.SendAsync(stale, Cancel);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        var unsatisfiable = await client.SendAsync(beyond, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal($"bytes {middle}-{bytes.Length - 1}/{bytes.Length}", rest.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[middle..], await rest.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[1000..61_000], await part.Content.ReadAsByteArrayAsync(Cancel));
        // A changed archive (the If-Range ETag is not this one) comes whole.
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal($"bytes */{bytes.Length}", unsatisfiable.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task ArchiveAnswersConditionalRequestsWith304And412()
    {
        var client = app.CreateClient();
        const string url = "/sessions/ga/81/items/7/download.zip";
        var full = await client.GetAsync(url, Cancel);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        var notModified = await client.SendAsync(revalidate, Cancel);
        using var mismatch = new HttpRequestMessage(HttpMethod.Get, url);
        mismatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"zip-0000\""));
        var failed = await client.SendAsync(mismatch, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/sessions/ga/81/items/7/download.zip?lang=de", HttpStatusCode.BadRequest, "not one of the six UN languages")]
    [InlineData("/sessions/ga/81/items/7/download.zip?format=exe", HttpStatusCode.BadRequest, "not a download format")]
    [InlineData("/sessions/ga/81/items/999/download.zip", HttpStatusCode.NotFound, "no agenda item 999")]
    [InlineData("/sessions/xx/81/download.zip", HttpStatusCode.NotFound, "not an organ")]
    [InlineData("/sessions/ga/1/download.zip", HttpStatusCode.NotFound, "no session")]
    public async Task BadArchiveRequestsGetA4xxWithAMessage(string url, HttpStatusCode status, string message)
    {
        var response = await app.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task AgendaItemPageOffersTheDownloadAllLink()
    {
        var html = await app.CreateClient().GetStringAsync("/sessions/ga/81/items/7", Cancel);

        Assert.Contains("href=\"/sessions/ga/81/items/7/download.zip?format=pdf\"", html);
    }

    [Fact]
    public async Task SessionPageOffersTheDownloadAllLink()
    {
        var html = await app.CreateClient().GetStringAsync("/sessions/ga/81", Cancel);

        Assert.Contains("href=\"/sessions/ga/81/download.zip?format=pdf\"", html);
    }
}
