using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using UglyToad.PdfPig;
using Portal.Features.Rendering;
using Portal.Storage;

namespace Portal.Tests.Features.Rendering;

/// <summary>
/// The portal with a store that fails on demand and a Chromium wrapped in a script that logs each
/// launch's command line, so tests can count prints and find their work folders.
/// </summary>
public sealed class PdfPrinterFixture : PortalAppFactory, IAsyncLifetime
{
    public FaultyFileStore Store => Services.GetRequiredService<FaultyFileStore>();

    public string LaunchLog => Path.Combine(DataPath, "chromium-launches.log");

    private string Wrapper => Path.Combine(DataPath, "chromium-wrapper.sh");

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:ChromiumPath", Wrapper)];

    public string[] Launches() => File.Exists(LaunchLog) ? File.ReadAllLines(LaunchLog) : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataPath);
        var chromium = new PortalOptions().ChromiumPath!;
        File.WriteAllText(Wrapper, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{LaunchLog}'\nexec '{chromium}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new FaultyFileStore(new LocalDocumentFileStore(Path.Combine(DataPath, "files"))));
            services.AddSingleton<IDocumentFileStore>(sp => sp.GetRequiredService<FaultyFileStore>());
        });
    }

    public ValueTask InitializeAsync()
    {
        _ = Services;
        return ValueTask.CompletedTask;
    }
}

public class PdfPrinterTests(PdfPrinterFixture app) : IClassFixture<PdfPrinterFixture>
{
    // A 1×1 PNG: if the printer loads it from disk, the PDF carries a 1×1 image.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePrinterFetchesNothingFromTheNetworkOrTheDiskWhateverImagesTheTextNames()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = Path.Combine(app.DataPath, "probe.png");
        await File.WriteAllBytesAsync(probe, Png, Cancel);
        var body = $"""
            Printer isolation check.

            ![a](/etc/passwd) ![b](file:///etc/passwd) ![c](http://169.254.169.254/latest) ![d](//evil.example/x.png)

            ![e](http://127.0.0.1:{port}/x.png) ![f](//127.0.0.1:{port}/y.png) ![g]({probe}) ![h](file://{probe})
            """;
        await TestDocuments.AddAsync(app.Services, "A/84/1", session: 84, body: body);

        var response = await app.CreateClient().GetAsync("/A/84/1/en.pdf", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("isolation", text);
        Assert.DoesNotContain("root:", text);
        // Blocked images print as Chromium's 14×16 broken-image icon; the probe is 1×1.
        Assert.DoesNotContain(pdf.GetPages().SelectMany(p => p.GetImages()), image => image.WidthInSamples == 1 && image.HeightInSamples == 1);
        // Chromium has printed and exited: any request it made to the listener would be waiting now.
        Assert.False(listener.Pending(), "the printer connected to a loopback address named in the text");
        Assert.All(app.Launches(), launch =>
        {
            Assert.DoesNotContain("--allow-file-access-from-files", launch);
            Assert.Contains("--disable-background-networking", launch);
        });
    }

    [Fact]
    public async Task ThePrintedPageCarriesAPolicyThatForbidsEveryFetch()
    {
        var renderer = app.Services.GetRequiredService<DocumentPdfRenderer>();
        var letter = (await app.Services.GetRequiredService<Portal.Features.Documents.PrintedDocumentQueries>().GetAsync(1, "zh", Viewers.Public, Cancel))!;

        var html = await renderer.RenderHtmlAsync(letter);

        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains("http-equiv=\"Content-Security-Policy\"", head);
        Assert.Contains("default-src 'none'", head);
        Assert.Contains("img-src data:;", head);
        Assert.True(head.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < head.IndexOf("<title>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GeneratedPdfIsServedWhenTheCacheCannotBeWrittenAndIsNotPrintedAgain()
    {
        await TestDocuments.AddAsync(app.Services, "A/84/2", session: 84, body: "Written while the disk is full.");
        app.Store.FailPuts = true;
        try
        {
            var client = app.CreateClient();
            var printsBefore = app.Launches().Length;
            var first = await client.GetAsync("/A/84/2/en.pdf", Cancel);
            var firstBytes = await first.Content.ReadAsByteArrayAsync(Cancel);
            var second = await client.GetAsync("/A/84/2/en.pdf", Cancel);
            using var resume = new HttpRequestMessage(HttpMethod.Get, "/A/84/2/en.pdf");
            resume.Headers.Range = new RangeHeaderValue(100, null);
            resume.Headers.IfRange = new RangeConditionHeaderValue(first.Headers.ETag!);
            var rest = await client.SendAsync(resume, Cancel);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains("disk", string.Concat(PdfDocument.Open(firstBytes).GetPages().Select(p => p.Text)));
            Assert.True(app.Store.FailedPuts >= 1);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(first.Headers.ETag, second.Headers.ETag);
            Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
            Assert.Equal(firstBytes[100..], await rest.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(printsBefore + 1, app.Launches().Length);

            // Once the disk takes writes again, the same bytes are stored, still without printing again.
            app.Store.FailPuts = false;
            var stored = await client.GetAsync("/A/84/2/en.pdf", Cancel);
            Assert.Equal(firstBytes, await stored.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(printsBefore + 1, app.Launches().Length);
        }
        finally
        {
            app.Store.Heal();
        }
    }

    [Fact]
    public async Task AFileTheStoreCannotReadGets503WithAProblemBody()
    {
        var version = await TestDocuments.AddAsync(app.Services, "A/84/3", session: 84);
        var (bytes, sha) = TestDocuments.FakePdf(10_000, seed: 84);
        await TestDocuments.AttachAsync(app.Services, version, FileFormat.Pdf, bytes, "a.pdf", "application/pdf");
        app.Store.FailOpen(sha);
        try
        {
            var response = await app.CreateClient().GetAsync("/A/84/3/en.pdf", Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("could not read", body);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            app.Store.Heal();
        }
    }

    [Fact]
    public async Task RenderWorkFoldersAreRemovedAfterEachPrintAndAtStartUp()
    {
        await TestDocuments.AddAsync(app.Services, "A/84/4", session: 84, body: "Work folder check.");
        var response = await app.CreateClient().GetAsync("/A/84/4/en.pdf", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var launch = app.Launches().Last(l => l.Contains("--print-to-pdf", StringComparison.Ordinal));
        var profile = launch.Split(' ').Single(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))["--user-data-dir=".Length..];
        var work = Path.GetDirectoryName(profile)!;
        Assert.StartsWith(DocumentPdfRenderer.WorkFolderPrefix, Path.GetFileName(work));
        Assert.False(Directory.Exists(work), $"{work} outlived its render");

        // Left by crashed portals: one whose process is gone, one too old to belong to a render.
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync(Cancel);
        var orphan = Directory.CreateTempSubdirectory($"{DocumentPdfRenderer.WorkFolderPrefix}{gone.Id}-");
        var old = Directory.CreateTempSubdirectory(DocumentPdfRenderer.WorkFolderPrefix);
        var running = Directory.CreateTempSubdirectory($"{DocumentPdfRenderer.WorkFolderPrefix}{Environment.ProcessId}-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(orphan.FullName, "document.html"), "<p>restricted text</p>", Cancel);
            await File.WriteAllTextAsync(Path.Combine(old.FullName, "document.html"), "<p>restricted text</p>", Cancel);
            Directory.SetLastWriteTimeUtc(old.FullName, DateTime.UtcNow - DocumentPdfRenderer.StaleAfter - TimeSpan.FromMinutes(1));

            await using (var restarted = new PortalAppFactory())
            {
                restarted.CreateClient().Dispose();
            }

            Assert.False(Directory.Exists(orphan.FullName), "the folder of a dead process survived start-up");
            Assert.False(Directory.Exists(old.FullName), "an old folder survived start-up");
            Assert.True(Directory.Exists(running.FullName), "start-up removed the folder of a render that may be running");
        }
        finally
        {
            foreach (var folder in new[] { orphan, old, running })
            {
                if (folder.Exists)
                {
                    folder.Delete(recursive: true);
                }
            }
        }
    }
}
