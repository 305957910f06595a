using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using Portal.Features.Archives;
using Portal.Storage;

namespace Portal.Tests.Features.Files;

/// <summary>
/// The real local store, wrapped so tests can see every key the portal asks it for and hold one
/// read back until they release it.
/// </summary>
public sealed class WatchedStore(IDocumentFileStore inner) : DelegatingFileStore(inner)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();

    public ConcurrentQueue<string> Keys { get; } = new();

    /// <summary>Set when a held key is asked for.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Hold(string sha256) =>
        _held.GetOrAdd(sha256, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public override async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        Keys.Enqueue(sha256);
        var stream = await Inner.OpenReadAsync(sha256, cancellationToken);
        return stream is not null && _held.TryGetValue(sha256, out var release) ? new HeldStream(stream, release.Task, Reached) : stream;
    }

    public override Task<bool> DeleteAsync(string sha256, DateTimeOffset writtenBefore, CancellationToken cancellationToken = default)
    {
        Keys.Enqueue(sha256);
        return Inner.DeleteAsync(sha256, writtenBefore, cancellationToken);
    }

    /// <summary>Opens at once (an archive checks every file opens before it starts) and holds the first read.</summary>
    private sealed class HeldStream(Stream inner, Task release, TaskCompletionSource reached) : DelegatingReadStream(inner)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            reached.TrySetResult();
            await release.WaitAsync(cancellationToken);
            return await Inner.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");
    }
}

public sealed class StoreBoundaryFixture : PortalAppFactory, IAsyncLifetime
{
    public const int FileLength = 400_000;

    public WatchedStore Store => Services.GetRequiredService<WatchedStore>();

    public Uri BaseAddress { get; private set; } = null!;

    public List<string> Hashes { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new WatchedStore(new LocalDocumentFileStore(Path.Combine(DataPath, "files"))));
            services.AddSingleton<IDocumentFileStore>(sp => sp.GetRequiredService<WatchedStore>());
        });
    }

    public async ValueTask InitializeAsync()
    {
        BaseAddress = StartKestrel();
        for (var i = 1; i <= 3; i++)
        {
            var (bytes, sha) = TestDocuments.FakePdf(FileLength, seed: 200 + i);
            var version = await TestDocuments.AddAsync(Services, $"A/82/{i}", session: 82, agendaItem: 3);
            await TestDocuments.AttachAsync(Services, version, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");
            Hashes.Add(sha);
        }
    }
}

/// <summary>What happens between an HTTP request and the file store, seen on real Kestrel.</summary>
public class StoreBoundaryTests(StoreBoundaryFixture app) : IClassFixture<StoreBoundaryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client() => new() { BaseAddress = app.BaseAddress };

    [Fact]
    public async Task TheArchiveStartsLeavingBeforeItsLastFileIsRead()
    {
        var release = app.Store.Hold(app.Hashes[^1]);
        try
        {
            using var client = Client();
            using var response = await client.GetAsync("/sessions/ga/82/items/3/download.zip", HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync(Cancel);

            // While the last file is held unread, the first two files' bytes already arrive.
            var received = new MemoryStream();
            var buffer = new byte[64 * 1024];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (received.Length < 2 * StoreBoundaryFixture.FileLength)
            {
                var read = await body.ReadAsync(buffer, timeout.Token);
                Assert.NotEqual(0, read);
                received.Write(buffer, 0, read);
            }
            await app.Store.Reached.Task.WaitAsync(timeout.Token);
            Assert.False(release.Task.IsCompleted);

            release.SetResult();
            await body.CopyToAsync(received, Cancel);
            received.Position = 0;
            using var zip = new ZipArchive(received, ZipArchiveMode.Read);
            await using var manifestStream = zip.GetEntry("manifest.json")!.Open();
            var manifest = (await JsonSerializer.DeserializeAsync<Manifest>(manifestStream, JsonSerializerOptions.Web, Cancel))!;
            Assert.Equal(app.Hashes, manifest.Files.Select(f => f.Sha256));
            foreach (var file in manifest.Files)
            {
                await using var entry = zip.GetEntry(file.FileName)!.Open();
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(entry, Cancel)));
            }
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Theory]
    [InlineData("/..%2F..%2F..%2Fetc%2Fpasswd/en.pdf")]
    [InlineData("/A/82/1/..%2F..%2F..%2Fportal.db/en.pdf")]
    [InlineData("/A/82/1%2F..%2F..%2Ffiles/en.pdf")]
    [InlineData("/%2E%2E/%2E%2E/etc/passwd/en.md")]
    [InlineData("/A/82/1/en.pdf%00")]
    [InlineData("/documents/1/..%2F..%2Fetc%2Fpasswd.pdf")]
    public async Task PathTricksNeverReachTheStoreAndNeverServeAFile(string url)
    {
        using var client = Client();
        var before = app.Store.Keys.Count;

        var response = await client.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain("root:x:0:0", body); // /etc/passwd's first line (the page's CSS has ":root:")
        Assert.DoesNotContain("SQLite format", body);
        Assert.DoesNotContain("%PDF", body);
        Assert.Equal(before, app.Store.Keys.Count);
        Assert.All(app.Store.Keys, key => Assert.True(LocalDocumentFileStore.IsKey(key), $"the store was asked for “{key}”"));
    }

    [Fact]
    public async Task DownloadsDoNotWaitForTheCountToBeWritten()
    {
        using var client = Client();
        var dbPath = Path.Combine(app.DataPath, "portal.db");
        // Another writer holds the database's write lock: any download that had to write its count
        // before answering would wait for it (and time out after the busy timeout).
        await using (var blocker = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
        {
            await blocker.OpenAsync(Cancel);
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync(Cancel);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            for (var i = 0; i < 3; i++)
            {
                var response = await client.GetAsync("/A/82/2/en.pdf", timeout.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(StoreBoundaryFixture.FileLength, (await response.Content.ReadAsByteArrayAsync(timeout.Token)).Length);
            }

            await using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Cancel);
        }

        // Once the lock is gone, the counts held back in the meantime are written.
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var documentId = await db.LanguageVersions.Where(v => v.Document.Symbols.Any(s => s.Key == "A/82/2")).Select(v => v.DocumentId).SingleAsync(Cancel);
        var deadline = DateTime.UtcNow.AddSeconds(40);
        long count;
        do
        {
            await Task.Delay(200, Cancel);
            count = await db.DownloadCounts.AsNoTracking().Where(c => c.DocumentId == documentId && c.Language == "en").Select(c => c.Count).FirstOrDefaultAsync(Cancel);
        }
        while (count < 3 && DateTime.UtcNow < deadline);
        Assert.Equal(3, count);
    }
}
