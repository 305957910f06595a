using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using Portal.Features.Archives;
using Portal.Features.Files;
using Portal.Storage;

namespace Portal.Tests.Features.Archives;

/// <summary>Three files in GA 85 item 4, on real Kestrel, behind a store that fails on demand.</summary>
public sealed class ArchiveFaultFixture : PortalAppFactory, IAsyncLifetime
{
    public const string Url = "/sessions/ga/85/items/4/download.zip";

    public FaultyFileStore Store => Services.GetRequiredService<FaultyFileStore>();

    public Uri BaseAddress { get; private set; } = null!;

    public List<string> Hashes { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new FaultyFileStore(new LocalDocumentFileStore(Path.Combine(DataPath, "files"))));
            services.AddSingleton<IDocumentFileStore>(sp => sp.GetRequiredService<FaultyFileStore>());
        });
    }

    public async ValueTask InitializeAsync()
    {
        BaseAddress = StartKestrel();
        for (var i = 1; i <= 3; i++)
        {
            var (bytes, sha) = TestDocuments.FakePdf(300_000, seed: 850 + i);
            var version = await TestDocuments.AddAsync(Services, $"A/85/{i}", session: 85, agendaItem: 4);
            await TestDocuments.AttachAsync(Services, version, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");
            Hashes.Add(sha);
        }
    }
}

/// <summary>An archive whose files cannot all be read never looks complete when it is not.</summary>
public class ArchiveFaultTests(ArchiveFaultFixture app) : IClassFixture<ArchiveFaultFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client() => new() { BaseAddress = app.BaseAddress };

    [Fact]
    public async Task AFileThatCannotBeOpenedIsListedInTheManifestAsSkippedWithTheReason()
    {
        app.Store.FailOpen(app.Hashes[1]);
        try
        {
            using var client = Client();
            var response = await client.GetAsync(ArchiveFaultFixture.Url, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), ZipArchiveMode.Read);
            await using var manifestStream = zip.GetEntry("manifest.json")!.Open();
            var manifest = (await JsonSerializer.DeserializeAsync<Manifest>(manifestStream, JsonSerializerOptions.Web, Cancel))!;
            Assert.Equal(["A/85/1", "A/85/3"], manifest.Files.Select(f => f.Symbol));
            var skip = Assert.Single(manifest.Skipped);
            Assert.Equal("A/85/2", skip.Symbol);
            Assert.Contains("could not be read", skip.Reason);
            Assert.Equal(["A_85_1-EN.pdf", "A_85_3-EN.pdf", "manifest.json"], zip.Entries.Select(e => e.FullName));
        }
        finally
        {
            app.Store.Heal();
        }
    }

    [Fact]
    public async Task AFileThatBreaksPartWayAbortsTheDownloadInsteadOfEndingItAsAValidZip()
    {
        app.Store.FailReadAfter(app.Hashes[1], 100_000);
        try
        {
            using var client = Client();
            using var response = await client.GetAsync(ArchiveFaultFixture.Url, HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var promised = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(Cancel);
            var received = new MemoryStream();

            var broken = await Record.ExceptionAsync(() => body.CopyToAsync(received, Cancel));

            Assert.True(broken is IOException or HttpRequestException, $"the download ended normally after {received.Length} of {promised} bytes");
            Assert.True(received.Length < promised);
            Assert.Throws<InvalidDataException>(() => new ZipArchive(new MemoryStream(received.ToArray()), ZipArchiveMode.Read));
        }
        finally
        {
            app.Store.Heal();
        }
    }

    [Fact]
    public async Task AWriterThatFailsLeavesNoCentralDirectoryBehind()
    {
        var (bytes, sha) = TestDocuments.FakePdf(200_000, seed: 859);
        var breaking = new DownloadContent(_ => Task.FromResult<Stream?>(new FailingAfter(bytes, 50_000)), bytes.Length, "application/pdf", "a.pdf", sha, DateTimeOffset.UnixEpoch);
        var plan = new ArchivePlan("t.zip", [new ArchiveFile("a.pdf", breaking, CompressionLevel.NoCompression)], "manifest.json", "{}"u8.ToArray(), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), "\"zip-t\"");
        var output = new MemoryStream();

        await Assert.ThrowsAsync<IOException>(() => app.Services.GetRequiredService<ArchiveWriter>().WriteAsync(output, plan, Cancel));

        // No end-of-central-directory record (PK 05 06): nothing can open this as a finished ZIP.
        Assert.True(output.ToArray().AsSpan().IndexOf("PK\u0005\u0006"u8) < 0);
        Assert.Throws<InvalidDataException>(() => new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read));
    }

    private sealed class FailingAfter(byte[] bytes, int limit) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= limit ? throw new IOException("Input/output error") : base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - Position)], cancellationToken);
    }
}
