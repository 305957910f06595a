using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using Portal.Tests.Support;
using Portal.Data.Seed;

namespace Portal.Tests.Features.Files;

/// <summary>
/// The demo's largest file (the report's Word file with its scanned figure, over 2 MiB) downloaded
/// the way delegations' tools do it: aria2c over four connections, and a resumed download.
/// </summary>
public sealed class LargeFileDownloadTests : IClassFixture<LargeFileDownloadTests.Server>, IDisposable
{
    private const string Url = "/A/75/300/en.docx";
    private readonly Server _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-aria2-tests", Guid.NewGuid().ToString("N"));

    public LargeFileDownloadTests(Server server)
    {
        _server = server;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class Server : IDisposable
    {
        private readonly PortalAppFactory _app = new();

        public Server() => BaseAddress = _app.StartKestrel();

        public Uri BaseAddress { get; }

        public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

        public void Dispose() => _app.Dispose();
    }

    [Fact]
    public async Task TheReportsWordFileIsOverTwoMebibytesAndAValidWordFileWithItsFigure()
    {
        using var client = _server.CreateClient();
        var bytes = await client.GetByteArrayAsync(Url, Cancel);

        Assert.True(bytes.Length > 2 * 1024 * 1024, $"{bytes.Length} bytes");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var image = Assert.Single(document.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        Assert.Contains(DemoFiles.FigureSymbol, document.MainDocumentPart.Document!.InnerText);
    }

    [Fact]
    public async Task Aria2DownloadsItOverFourConnectionsToTheSameBytes()
    {
        using var client = _server.CreateClient();
        var expected = await client.GetByteArrayAsync(Url, Cancel);

        var aria2 = Process.Start(new ProcessStartInfo("aria2c",
            ["--max-connection-per-server=4", "--split=4", "--min-split-size=1M", "--allow-overwrite=true", "--console-log-level=warn",
             "--summary-interval=0", "--no-conf", "-d", _folder, "-o", "report.docx", new Uri(_server.BaseAddress, Url).ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await aria2.StandardOutput.ReadToEndAsync(Cancel) + await aria2.StandardError.ReadToEndAsync(Cancel);
        await aria2.WaitForExitAsync(Cancel);

        Assert.True(aria2.ExitCode == 0, output);
        Assert.Equal(SHA256.HashData(expected), SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_folder, "report.docx"), Cancel)));
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesFromWhereItStopped()
    {
        using var client = _server.CreateClient();
        var full = await client.GetAsync(Url, Cancel);
        var expected = await full.Content.ReadAsByteArrayAsync(Cancel);
        var etag = full.Headers.ETag!;
        var received = expected.AsSpan(0, 1_300_000).ToArray();

        using var resume = new HttpRequestMessage(HttpMethod.Get, Url);
        resume.Headers.Range = new RangeHeaderValue(received.Length, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(etag);
        var rest = await client.SendAsync(resume, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal($"bytes {received.Length}-{expected.Length - 1}/{expected.Length}", rest.Content.Headers.ContentRange!.ToString());
        byte[] resumed = [.. received, .. await rest.Content.ReadAsByteArrayAsync(Cancel)];
        Assert.Equal(expected, resumed);
    }
}
