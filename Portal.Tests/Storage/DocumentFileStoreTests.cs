using System.Security.Cryptography;
using Amazon.S3;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;
using Portal.Storage;

namespace Portal.Tests.Storage;

public abstract class DocumentFileStoreTests(DatabaseProvider provider, FileStoreKind storeKind) : IAsyncLifetime
{
    public sealed class OnSqlite() : DocumentFileStoreTests(DatabaseProvider.Sqlite, FileStoreKind.Local);

    public sealed class OnPostgreSql() : DocumentFileStoreTests(DatabaseProvider.PostgreSql, FileStoreKind.Local);

    public sealed class OnS3() : DocumentFileStoreTests(DatabaseProvider.Sqlite, FileStoreKind.S3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-store-tests", Guid.NewGuid().ToString("N"));
    private readonly string _prefix = S3TestServer.NewPrefix();
    private AmazonS3Client? _s3;
    private TestDatabase _database = null!;
    private IDocumentFileStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateSeededAsync(provider);
        if (storeKind == FileStoreKind.S3)
        {
            _s3 = FileStoreSetup.CreateClient(S3TestServer.Options(_prefix));
            _store = new S3DocumentFileStore(_s3, S3TestServer.Bucket, _prefix);
        }
        else
        {
            _store = new LocalDocumentFileStore(_root);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (_s3 is not null)
        {
            await S3TestServer.DeleteFolderAsync(_s3, _prefix);
            _s3.Dispose();
        }
        else
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>
    /// Makes a stored blob older than <paramref name="grace"/> for the sweep. A file's time can be set;
    /// an object's Last-Modified cannot, so the S3 variant waits past a short grace period instead.
    /// </summary>
    private async Task<TimeSpan> AgePastGraceAsync(string sha256)
    {
        if (_store is LocalDocumentFileStore)
        {
            File.SetLastWriteTimeUtc(Path.Combine(_root, sha256[..2], sha256[2..4], sha256), DateTime.UtcNow - Defaults.GracePeriod * 2);
            return Defaults.GracePeriod;
        }
        var grace = TimeSpan.FromSeconds(2);
        // Last-Modified has whole seconds: a second more than the grace period is past it.
        await Task.Delay(grace + TimeSpan.FromSeconds(1.1), Cancel);
        return grace;
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

    /// <summary>Files of uploads whose rows were never written: put and recorded (<see cref="StoreKeys"/>) by this database.</summary>
    private async Task<List<string>> PutOrphansAsync(int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            keys.Add((await PutRecordedAsync(RandomNumberGenerator.GetBytes(2_000))).Sha256);
        }
        return keys;
    }

    private async Task<StoredBlob> PutRecordedAsync(byte[] bytes)
    {
        var blob = await _store.PutAsync(new MemoryStream(bytes), Cancel);
        await StoreKeys.RecordAsync(_database, blob, Cancel);
        return blob;
    }

    private async Task<bool> RecordedAsync(string sha256)
    {
        await using var db = _database.CreateDbContext();
        return await db.FileStoreKeys.AnyAsync(k => k.Sha256 == sha256, Cancel);
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

    [Fact]
    public async Task ReadsStartWhereverTheStreamIsPositioned()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var blob = await _store.PutAsync(new MemoryStream(bytes), Cancel);
        await using var read = (await _store.OpenReadAsync(blob.Sha256, Cancel))!;
        Assert.Equal(bytes.Length, read.Length);

        read.Seek(123_456, SeekOrigin.Begin);
        var middle = new byte[1_000];
        await read.ReadExactlyAsync(middle, Cancel);
        read.Seek(10, SeekOrigin.Begin);
        var start = new byte[100];
        await read.ReadExactlyAsync(start, Cancel);
        read.Seek(-50, SeekOrigin.End);
        var end = await ReadAllAsync(read);

        Assert.Equal(bytes.AsSpan(123_456, 1_000).ToArray(), middle);
        Assert.Equal(bytes.AsSpan(10, 100).ToArray(), start);
        Assert.Equal(bytes.AsSpan(bytes.Length - 50).ToArray(), end);
    }

    [Fact]
    public async Task AFileLargerThanOneUploadPartIsStoredWhole()
    {
        // 16 MiB parts on S3: this one takes two, streamed from a source that is never whole in memory.
        const long length = 20L * 1024 * 1024 + 12_345;
        var source = new PatternStream(length);

        var blob = await _store.PutAsync(source, Cancel);

        Assert.Equal(length, blob.Length);
        Assert.Equal(source.Sha256(), blob.Sha256);
        await using var read = (await _store.OpenReadAsync(blob.Sha256, Cancel))!;
        Assert.Equal(blob.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(read, Cancel)));
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
    public async Task AnUploadLandingWhileAGeneratedPdfReplacesAnOlderOneIsKept()
    {
        var version = await VersionIdAsync();
        await Commands.AttachAsync(version, FileFormat.Pdf, "old.pdf", "application/pdf", new MemoryStream(TestDocuments.FakePdf(3_000, 1).Bytes),
            generatedFrom: DateTimeOffset.UtcNow.AddDays(-1), Cancel);

        var (generated, uploaded) = await GenerateWhileUploadingAsync(version, afterFileCommands: 1);

        await AssertOnlyTheUploadIsKeptAsync(version, generated, uploaded);
    }

    [Fact]
    public async Task AnUploadLandingBeforeTheFirstGeneratedPdfIsWrittenIsKept()
    {
        var version = await VersionIdAsync();

        var (generated, uploaded) = await GenerateWhileUploadingAsync(version, afterFileCommands: 1);

        await AssertOnlyTheUploadIsKeptAsync(version, generated, uploaded);
    }

    [Fact]
    public async Task AWriterWhoseNewRowLosesToAnotherInsertReplacesThatRow()
    {
        var version = await VersionIdAsync();
        var hook = new AfterFileCommands(2);
        var first = new DocumentFileCommands(_database.With(hook), _store, TimeProvider.System);
        StoredFile? other = null;
        hook.Action = async () => other = await Commands.AttachAsync(version, FileFormat.Docx, "other.docx", "application/octet-stream",
            new MemoryStream(RandomNumberGenerator.GetBytes(1_000)), cancellationToken: CancellationToken.None);

        var later = await first.AttachAsync(version, FileFormat.Docx, "later.docx", "application/octet-stream", new MemoryStream(RandomNumberGenerator.GetBytes(1_000)), cancellationToken: Cancel);

        Assert.NotNull(other);
        await using var db = _database.CreateDbContext();
        var row = await db.StoredFiles.SingleAsync(f => f.LanguageVersionId == version && f.Format == FileFormat.Docx, Cancel);
        Assert.Equal(later.Sha256, row.Sha256);
        Assert.NotEqual(other!.Sha256, row.Sha256);
    }

    /// <summary>
    /// A generated PDF written while an upload of the same version lands: the upload commits just after the generator's
    /// <paramref name="afterFileCommands"/>th statement on the files table (where a read-then-write would have decided).
    /// </summary>
    private async Task<(StoredFile Generated, StoredFile Uploaded)> GenerateWhileUploadingAsync(int version, int afterFileCommands)
    {
        var hook = new AfterFileCommands(afterFileCommands);
        var generator = new DocumentFileCommands(_database.With(hook), _store, TimeProvider.System);
        StoredFile? uploaded = null;
        hook.Action = async () => uploaded = await Commands.AttachAsync(version, FileFormat.Pdf, "issued.pdf", "application/pdf",
            new MemoryStream(TestDocuments.FakePdf(3_000, 2).Bytes), cancellationToken: CancellationToken.None);

        var generated = await generator.AttachAsync(version, FileFormat.Pdf, "generated.pdf", "application/pdf",
            new MemoryStream(TestDocuments.FakePdf(3_000, 3).Bytes), generatedFrom: DateTimeOffset.UtcNow, Cancel);

        Assert.NotNull(uploaded);
        return (generated, uploaded!);
    }

    private async Task AssertOnlyTheUploadIsKeptAsync(int version, StoredFile generated, StoredFile uploaded)
    {
        await using var db = _database.CreateDbContext();
        var row = await db.StoredFiles.SingleAsync(f => f.LanguageVersionId == version && f.Format == FileFormat.Pdf, Cancel);
        Assert.Equal(uploaded.Sha256, row.Sha256);
        Assert.Null(row.GeneratedFrom);
        Assert.Equal(uploaded.Sha256, generated.Sha256);
    }

    /// <summary>Runs an action once, after the <c>n</c>th statement on the files table has run on a context it hooks.</summary>
    private sealed class AfterFileCommands(int n) : DbCommandInterceptor
    {
        private int _seen;

        public Func<Task>? Action { get; set; }

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            await SeenAsync(command);
            return result;
        }

        public override async ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            await SeenAsync(command);
            return result;
        }

        private async Task SeenAsync(System.Data.Common.DbCommand command)
        {
            if (command.CommandText.Contains("\"StoredFiles\"", StringComparison.Ordinal) && ++_seen == n && Action is { } action)
            {
                Action = null;
                await action();
            }
        }
    }

    [Fact]
    public async Task BytesPutAgainWhileTheSweepRunsAreKept()
    {
        await AttachReferencedFileAsync();
        // An orphan from an upload that failed long ago...
        var bytes = RandomNumberGenerator.GetBytes(8_000);
        var blob = await PutRecordedAsync(bytes);
        var grace = await AgePastGraceAsync(blob.Sha256);
        // ...is uploaded again just after the sweep listed it, and its row is written just after the
        // sweep checked for rows.
        var store = new PutAgainAfterListing(_store, bytes);
        var sweeper = SweeperOver(store);

        var result = await sweeper.SweepAsync(grace, Cancel);
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
        foreach (var key in orphans)
        {
            Assert.False(await RecordedAsync(key));
        }
    }

    [Fact]
    public async Task FilesThisDatabaseDidNotPutAreKeptWhateverTheirAge()
    {
        await AttachReferencedFileAsync();
        var version = await VersionIdAsync();
        // A file uploaded after the backup this database was restored from: the store holds it, the database knows
        // neither its row nor its key.
        var newer = await Commands.AttachAsync(version, FileFormat.Docx, "newer.docx", MediaTypes.Docx, new MemoryStream(RandomNumberGenerator.GetBytes(4_000)), cancellationToken: Cancel);
        await using (var db = _database.CreateDbContext())
        {
            await db.StoredFiles.Where(f => f.Id == newer.Id).ExecuteDeleteAsync(Cancel);
            await db.FileStoreKeys.Where(k => k.Sha256 == newer.Sha256).ExecuteDeleteAsync(Cancel);
        }
        // And one this database did put, whose row failed: that one goes.
        var orphan = Assert.Single(await PutOrphansAsync(1));

        var result = await Sweeper.SweepAsync(Now, Cancel);

        Assert.False(result.Refused);
        Assert.Equal(1, result.Removed);
        Assert.Equal(1, result.KeptUnrecorded);
        Assert.True(await HoldsAsync(newer.Sha256));
        Assert.False(await HoldsAsync(orphan));
        Assert.Contains(_sweepLog.Messages, m => m.Contains("did not put", StringComparison.Ordinal) && m.Contains(newer.Sha256, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryWriterRecordsTheKeyItPutBeforeItsRow()
    {
        var version = await VersionIdAsync();

        var attached = await Commands.AttachAsync(version, FileFormat.Docx, "a.docx", MediaTypes.Docx, new MemoryStream(RandomNumberGenerator.GetBytes(3_000)), cancellationToken: Cancel);
        var bytes = RandomNumberGenerator.GetBytes(3_000);
        // The row is refused (no such version), the key stays recorded: the sweep may remove the file.
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            Commands.AttachAsync(999_999, FileFormat.Pdf, "x.pdf", "application/pdf", new MemoryStream(bytes), cancellationToken: Cancel));

        Assert.True(await RecordedAsync(attached.Sha256));
        Assert.True(await RecordedAsync(Convert.ToHexStringLower(SHA256.HashData(bytes))));
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
        foreach (var key in orphans)
        {
            Assert.True(await HoldsAsync(key));
        }
    }

    [Fact]
    public async Task AnInterruptedPutLeavesOnlyATemporaryFileThatIsSwept()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync(new FailingStream(), Cancel));
        Assert.Equal(0, await BlobCountAsync());
        if (_store is LocalDocumentFileStore)
        {
            Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    /// <summary>The store, but the same bytes are put again as soon as a listing ends.</summary>
    private sealed class PutAgainAfterListing(IDocumentFileStore inner, byte[] bytes) : DelegatingFileStore(inner)
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

    /// <summary>A long, deterministic, non-seekable byte sequence generated as it is read.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) * 31 % 251);
            }
            _position += n;
            return n;
        }

        public string Sha256()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var copy = new PatternStream(length);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = copy.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
