using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using Portal.Storage;

namespace Portal.Tests.Storage;

public sealed class DocumentFileStoreTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-store-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private LocalDocumentFileStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateSeededAsync();
        _store = new LocalDocumentFileStore(_root);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private DocumentFileCommands Commands => new(_database, _store, TimeProvider.System);

    private readonly ListLogger<StoredFileSweeper> _sweepLog = new();

    /// <summary>Past the grace period of every file written so far.</summary>
    private static readonly TimeSpan Now = TimeSpan.FromSeconds(-1);

    private static readonly FileSweepOptions Defaults = new();

    private StoredFileSweeper Sweeper => SweeperOver(_store);

    private StoredFileSweeper SweeperOver(IDocumentFileStore store, double maxDeleteShare = 1.0) =>
        new(_database, store, TimeProvider.System, Options.Create(new FileSweepOptions { MaxDeleteShare = maxDeleteShare }), _sweepLog);

    /// <summary>A file the database refers to (on the <paramref name="n"/>th version of another document than the tests' own).</summary>
    private async Task<StoredFile> AttachReferencedFileAsync(int n = 0)
    {
        int version;
        await using (var db = _database.CreateDbContext())
        {
            version = await db.LanguageVersions.Where(v => v.DocumentId != 1).OrderBy(v => v.Id).Skip(n).Select(v => v.Id).FirstAsync(Cancel);
        }
        return await Commands.AttachAsync(version, FileFormat.Original, "kept.bin", "application/octet-stream", new MemoryStream(RandomNumberGenerator.GetBytes(1_000)), cancellationToken: Cancel);
    }

    private async Task<List<string>> PutOrphansAsync(int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            keys.Add((await _store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(2_000)), Cancel)).Sha256);
        }
        return keys;
    }

    private async Task<bool> HoldsAsync(string sha256)
    {
        await using var stream = await _store.OpenReadAsync(sha256, Cancel);
        return stream is not null;
    }

    private async Task<int> VersionIdAsync(string language = "zh")
    {
        await using var db = _database.CreateDbContext();
        return await db.LanguageVersions.Where(v => v.DocumentId == 1 && v.Language == language).Select(v => v.Id).SingleAsync(Cancel);
    }

    private async Task<int> BlobCountAsync()
    {
        var count = 0;
        await foreach (var _ in _store.ListAsync(Cancel))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task SameBytesAreStoredOnceUnderTheirSha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var first = await _store.PutAsync(new MemoryStream(bytes), Cancel);
        var second = await _store.PutAsync(new MemoryStream(bytes), Cancel);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal(first, second);
        Assert.Equal(bytes.Length, first.Length);
        Assert.Equal(1, await BlobCountAsync());
        await using var read = (await _store.OpenReadAsync(first.Sha256, Cancel))!;
        Assert.True(read.CanSeek);
        Assert.Equal(bytes, await ReadAllAsync(read));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000/../x")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public async Task KeysThatAreNotHashesNeverReachTheFileSystem(string key)
    {
        Assert.Null(await _store.OpenReadAsync(key, Cancel));
        Assert.False(await _store.DeleteAsync(key, DateTimeOffset.MaxValue, Cancel));
    }

    [Fact]
    public async Task AFailedRowLeavesNoRowAndItsFileIsSweptAfterTheGracePeriod()
    {
        await AttachReferencedFileAsync();
        var bytes = RandomNumberGenerator.GetBytes(10_000);

        // No such language version: the file is written, the row is refused by the foreign key.
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            Commands.AttachAsync(999_999, FileFormat.Pdf, "x.pdf", "application/pdf", new MemoryStream(bytes), cancellationToken: Cancel));

        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(1, await db.StoredFiles.CountAsync(Cancel));
        }
        Assert.Equal(2, await BlobCountAsync());
        Assert.Equal(0, (await Sweeper.SweepAsync(Defaults.GracePeriod, Cancel)).Removed);
        Assert.Equal(1, (await Sweeper.SweepAsync(Now, Cancel)).Removed);
        Assert.Equal(1, await BlobCountAsync());
    }

    [Fact]
    public async Task ReplacingAFileKeepsTheNewBytesAndSweepsOnlyTheOldOnes()
    {
        var version = await VersionIdAsync();
        var old = await Commands.AttachAsync(version, FileFormat.Docx, "a.docx", MediaTypes.Docx, new MemoryStream(RandomNumberGenerator.GetBytes(5_000)), cancellationToken: Cancel);
        var replacement = await Commands.AttachAsync(version, FileFormat.Docx, "b.docx", MediaTypes.Docx, new MemoryStream(RandomNumberGenerator.GetBytes(6_000)), cancellationToken: Cancel);

        var result = await Sweeper.SweepAsync(Now, Cancel);

        Assert.Equal(1, result.Removed);
        Assert.Contains(_sweepLog.Messages, m => m.Contains(old.Sha256, StringComparison.Ordinal));
        Assert.False(await HoldsAsync(old.Sha256));
        Assert.True(await HoldsAsync(replacement.Sha256));
        await using var db = _database.CreateDbContext();
        var row = await db.StoredFiles.SingleAsync(f => f.LanguageVersionId == version && f.Format == FileFormat.Docx, Cancel);
        Assert.Equal(replacement.Sha256, row.Sha256);
        Assert.Equal(6_000, row.Length);
    }

    [Fact]
    public async Task AGeneratedPdfNeverReplacesAnUploadedOne()
    {
        var version = await VersionIdAsync();
        var uploaded = await Commands.AttachAsync(version, FileFormat.Pdf, "issued.pdf", "application/pdf", new MemoryStream(TestDocuments.FakePdf(3_000, 5).Bytes), cancellationToken: Cancel);

        var generated = await Commands.AttachAsync(version, FileFormat.Pdf, "generated.pdf", "application/pdf", new MemoryStream(TestDocuments.FakePdf(3_000, 6).Bytes), generatedFrom: DateTimeOffset.UtcNow, Cancel);

        Assert.Equal(uploaded.Sha256, generated.Sha256);
        Assert.Null(generated.GeneratedFrom);
    }

    [Fact]
    public async Task BytesPutAgainWhileTheSweepRunsAreKept()
    {
        await AttachReferencedFileAsync();
        // An orphan from an upload that failed long ago...
        var bytes = RandomNumberGenerator.GetBytes(8_000);
        var blob = await _store.PutAsync(new MemoryStream(bytes), Cancel);
        var path = Path.Combine(_root, blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - Defaults.GracePeriod * 2);
        // ...is uploaded again just after the sweep listed it, and its row is written just after the
        // sweep checked for rows.
        var store = new PutAgainAfterListing(_store, bytes);
        var sweeper = SweeperOver(store);

        var result = await sweeper.SweepAsync(Defaults.GracePeriod, Cancel);
        Assert.False(result.Refused);
        Assert.Equal(0, result.Removed);
        var version = await VersionIdAsync();
        var row = await Commands.AttachAsync(version, FileFormat.Original, "again.bin", "application/octet-stream", new MemoryStream(bytes), cancellationToken: Cancel);

        Assert.Equal(blob.Sha256, row.Sha256);
        Assert.True(await HoldsAsync(blob.Sha256));
    }

    [Fact]
    public async Task ASweepThatFindsMoreOrphansThanItsShareDeletesNothingAndSaysWhy()
    {
        await AttachReferencedFileAsync(0);
        await AttachReferencedFileAsync(1);
        var orphans = await PutOrphansAsync(3);

        // 3 of 5 files unreferenced, at most 2 (40 %) may go: the database looks lost, nothing goes.
        var refused = await SweeperOver(_store, maxDeleteShare: 0.4).SweepAsync(Now, Cancel);

        Assert.True(refused.Refused);
        Assert.Equal(0, refused.Removed);
        Assert.Equal(5, await BlobCountAsync());
        Assert.Contains(_sweepLog.Messages, m => m.Contains("refused", StringComparison.Ordinal) && m.Contains("3 of 5", StringComparison.Ordinal));

        // Within the share (3 of 5 at 60 %), the same orphans go, each one logged.
        var allowed = await SweeperOver(_store, maxDeleteShare: 0.6).SweepAsync(Now, Cancel);

        Assert.False(allowed.Refused);
        Assert.Equal(3, allowed.Removed);
        Assert.Equal(2, await BlobCountAsync());
        Assert.All(orphans, key => Assert.Contains(_sweepLog.Messages, m => m.Contains(key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheDefaultShareKeepsTheStoreOfALostDatabase()
    {
        // As in the probe, where 124 of 156 files were unreferenced after the database was replaced.
        await AttachReferencedFileAsync(0);
        await AttachReferencedFileAsync(1);
        await PutOrphansAsync(12);

        var result = await SweeperOver(_store, Defaults.MaxDeleteShare).SweepAsync(Now, Cancel);

        Assert.True(result.Refused);
        Assert.Equal(14, await BlobCountAsync());
    }

    [Fact]
    public async Task AStoreWhoseDatabaseReferencesNothingIsNeverSwept()
    {
        var orphans = await PutOrphansAsync(3);

        var result = await Sweeper.SweepAsync(Now, Cancel);

        Assert.True(result.Refused);
        Assert.Equal(3, await BlobCountAsync());
        Assert.All(orphans, key => Assert.True(File.Exists(Path.Combine(_root, key[..2], key[2..4], key))));
    }

    [Fact]
    public async Task AnInterruptedPutLeavesOnlyATemporaryFileThatIsSwept()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync(new FailingStream(), Cancel));
        Assert.Equal(0, await BlobCountAsync());
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    /// <summary>The local store, but the same bytes are put again as soon as a listing ends.</summary>
    private sealed class PutAgainAfterListing(LocalDocumentFileStore inner, byte[] bytes) : DelegatingFileStore(inner)
    {
        public override async IAsyncEnumerable<StoredBlobInfo> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var blob in Inner.ListAsync(cancellationToken))
            {
                yield return blob;
            }
            await Inner.PutAsync(new MemoryStream(bytes), cancellationToken);
        }
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_reads++ > 2)
            {
                throw new IOException("connection reset by the uploader");
            }
            buffer.Span.Fill(7);
            return ValueTask.FromResult(buffer.Length);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
