using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Features.Ingestion;
using Portal.Infrastructure;
using Portal.Storage;
using Portal.Tests.Features.Editing;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Ingestion;

/// <summary>
/// Ingestion batches on a real database (SQLite and PostgreSQL) and file store: a ZIP of files becomes a batch
/// whose bad files fail with their reason while the rest are read; a worker stopped mid-batch and a new one
/// started afterwards (a restart) read every file exactly once and keep what was accepted meanwhile; two
/// workers at once (two instances) share the files without reading any twice; a lease left by a dead instance
/// expires and the file is read; accepting registers a draft through the editor with the file as the version's
/// original, and the same bytes uploaded again are offered as that record.
/// </summary>
public abstract class IngestionCommandsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : IngestionCommandsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : IngestionCommandsTests(DatabaseProvider.PostgreSql);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-ingestion-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private LocalDocumentFileStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateSeededAsync(provider);
        _store = new LocalDocumentFileStore(Path.Combine(_root, "files"));
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private IngestionCommands Batches() => new(
        _database, _store, new DocumentEditor(_database, TimeProvider.System), new DocumentFileCommands(_database, _store, TimeProvider.System),
        new IngestionWakeUp(), TimeProvider.System, Options.Create(new IngestionOptions()), Options.Create(new PortalOptions { DataPath = _root }),
        new HostingEnvironment { ContentRootPath = _root });

    /// <summary>A new worker, as a (re)started instance has.</summary>
    private IngestionWorker Worker(TimeSpan? lease = null) => new(
        _database, _store, new IngestionWakeUp(), TimeProvider.System, Options.Create(new IngestionOptions { Lease = lease ?? TimeSpan.FromMinutes(5) }), NullLogger<IngestionWorker>.Instance);

    private static byte[] Seed => File.ReadAllBytes(IngestionFixtureFiles.SeedPath);

    private static byte[] Fixture(string name) => File.ReadAllBytes(IngestionFixtureFiles.TextPath(name));

    private static byte[] Junk => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))];

    private static MemoryStream Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }
        memory.Position = 0;
        return memory;
    }

    private async Task<int> UploadAsync(params (string Name, Stream Content)[] uploads)
    {
        var result = await Batches().UploadAsync(Viewers.Secretariat, "editor@un.example", uploads, Cancel);
        Assert.True(result.BatchId is not null, result.Problem);
        return result.BatchId.Value;
    }

    private async Task<List<IngestionFile>> FilesAsync(int batchId)
    {
        await using var db = _database.CreateDbContext();
        return await db.IngestionFiles.AsNoTracking().Where(f => f.BatchId == batchId).OrderBy(f => f.Position).ToListAsync(Cancel);
    }

    [Fact]
    public async Task AZipBecomesABatchWhoseBadFilesFailWithTheirReasonWhileTheOthersAreRead()
    {
        var batch = await UploadAsync(("incoming.zip", Zip(
            ("letters/seed.txt", Seed), ("junk.pdf", Junk), ("empty.txt", []), ("letters/note.docx", DocumentUploadsTests.Docx(File.ReadAllText(IngestionFixtureFiles.TextPath("fr-note-verbale-many-items")))),
            ("scan.pdf", DocumentUploadsTests.Pdf("A/75/778 Letter dated 1 March 2021")))));

        Assert.Equal(4, await Worker().ProcessPendingAsync(int.MaxValue, Cancel));

        var files = await FilesAsync(batch);
        Assert.Equal(["seed.txt", "junk.pdf", "empty.txt", "note.docx", "scan.pdf"], files.Select(f => f.FileName));
        Assert.Equal(
            [IngestionFileStatus.Extracted, IngestionFileStatus.Failed, IngestionFileStatus.Failed, IngestionFileStatus.Extracted, IngestionFileStatus.Extracted],
            files.Select(f => f.Status));
        Assert.Contains("not a PDF, a Word (.docx) document or text", files[1].Error);
        Assert.Equal("The file is empty.", files[2].Error);
        Assert.Equal(["text", "PDF"], new[] { files[0].Format, files[4].Format });
        var view = await Batches().GetBatchAsync(Viewers.Secretariat, batch, Cancel);
        Assert.True(view!.Finished);
    }

    [Fact]
    public async Task AWorkerStoppedMidBatchLosesNothingAndTheNextReadsTheRestExactlyOnce()
    {
        var names = new[] { "en-joint-letter", "en-noisy-mirror", "es-letter-security-council", "ru-letter-revision", "ar-identical-letters", "fr-note-verbale-many-items" };
        var batch = await UploadAsync([.. names.Select(n => (n + ".txt", (Stream)new MemoryStream(Fixture(n))))]);

        // The first instance reads two files and stops (a deploy, a crash after its last write).
        Assert.Equal(2, await Worker().ProcessPendingAsync(2, Cancel));
        var first = await FilesAsync(batch);
        Assert.Equal(2, first.Count(f => f.Status == IngestionFileStatus.Extracted));
        // Meanwhile an editor accepts the first proposal.
        var review = await Batches().GetReviewAsync(Viewers.Secretariat, first[0].Id, Cancel);
        var accepted = await Batches().AcceptAsync(Viewers.Secretariat, "editor@un.example", first[0].Id, WithoutAgendaItems(review!.Draft!), Cancel);
        Assert.True(accepted.Outcome == EditOutcome.Saved, string.Join("; ", accepted.Errors.Values));

        // The portal starts again: a new worker reads the rest.
        Assert.Equal(4, await Worker().ProcessPendingAsync(int.MaxValue, Cancel));
        Assert.Equal(0, await Worker().ProcessPendingAsync(int.MaxValue, Cancel));

        var files = await FilesAsync(batch);
        Assert.All(files, f => Assert.Equal(1, f.Attempts));
        Assert.All(files, f => Assert.NotNull(f.ProcessedAt));
        Assert.Equal(IngestionFileStatus.Accepted, files[0].Status);
        Assert.Equal(accepted.DocumentId, files[0].DocumentId);
        Assert.All(files.Skip(1), f => Assert.Equal(IngestionFileStatus.Extracted, f.Status));
    }

    [Fact]
    public async Task TwoWorkersAtOnceShareABatchWithoutReadingAnyFileTwice()
    {
        // Several instances need PostgreSQL; the SQLite test database is one in-memory connection, which two
        // threads cannot use at once.
        Assert.SkipWhen(provider == DatabaseProvider.Sqlite, "several portal instances run on PostgreSQL only");
        var names = new[] { "en-joint-letter", "en-noisy-mirror", "es-letter-security-council", "ru-letter-revision", "ar-identical-letters", "fr-note-verbale-many-items" };
        var batch = await UploadAsync([.. names.Concat(names).Select((n, i) => ($"{i}-{n}.txt", (Stream)new MemoryStream([.. Fixture(n), (byte)'\n', (byte)('a' + i)])))]);

        var counts = await Task.WhenAll(Task.Run(() => Worker().ProcessPendingAsync(int.MaxValue, Cancel)), Task.Run(() => Worker().ProcessPendingAsync(int.MaxValue, Cancel)));

        Assert.Equal(12, counts.Sum());
        Assert.All(await FilesAsync(batch), f => Assert.Equal((IngestionFileStatus.Extracted, 1), (f.Status, f.Attempts)));
    }

    [Fact]
    public async Task AFileLeftLeasedByADeadInstanceIsReadOnceItsLeaseExpires()
    {
        var batch = await UploadAsync(("a.txt", new MemoryStream(Fixture("en-joint-letter"))), ("b.txt", new MemoryStream(Fixture("en-noisy-mirror"))));
        var files = await FilesAsync(batch);
        await using (var db = _database.CreateDbContext())
        {
            await db.IngestionFiles.Where(f => f.Id == files[0].Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, "dead").SetProperty(f => f.LeaseUntil, DateTime.UtcNow.AddMinutes(-1)).SetProperty(f => f.Attempts, 1), Cancel);
            await db.IngestionFiles.Where(f => f.Id == files[1].Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, "alive").SetProperty(f => f.LeaseUntil, DateTime.UtcNow.AddMinutes(10)).SetProperty(f => f.Attempts, 1), Cancel);
        }

        Assert.Equal(1, await Worker().ProcessPendingAsync(int.MaxValue, Cancel));

        var after = await FilesAsync(batch);
        Assert.Equal((IngestionFileStatus.Extracted, 2, (string?)null), (after[0].Status, after[0].Attempts, after[0].LeaseOwner));
        Assert.Equal((IngestionFileStatus.Pending, "alive"), (after[1].Status, after[1].LeaseOwner));
    }

    [Fact]
    public async Task TheSeedIsProposedForReviewWithEveryFieldAndUncertainOnesMarked()
    {
        var batch = await UploadAsync(("seed.txt", new MemoryStream(Seed)));
        await Worker().ProcessPendingAsync(int.MaxValue, Cancel);

        var review = await Batches().GetReviewAsync(Viewers.Secretariat, (await FilesAsync(batch))[0].Id, Cancel);

        var draft = review!.Draft!;
        Assert.Equal(IngestionFileStatus.Extracted, review.Status);
        Assert.Contains("米海尔·马尔加良", string.Join("\n", review.Pages));
        Assert.Equal("", draft.Symbols);
        Assert.Contains("Symbols", review.Uncertain);
        Assert.Equal(DocumentKind.Letter, draft.Kind);
        Assert.Equal(new DateOnly(2021, 3, 30), draft.DatedOn);
        Assert.Equal("Armenia", draft.Sender);
        Assert.Equal("Secretary-General", draft.Addressee);
        Assert.Equal("GA/75/34, GA/75/71, GA/75/72, GA/75/135", draft.AgendaItems);
        Assert.Equal((75, 76), (review.Proposal!.Session, review.Proposal.ScYear));
        var version = Assert.Single(draft.Versions);
        Assert.Equal("zh", version.Language);
        Assert.Equal("2021 年 3 月 30 日亚美尼亚常驻联合国代表给秘书长的信", version.Title);
        var annex = Assert.Single(version.Annexes);
        Assert.Equal("阿尔扎赫共和国外交部长给秘书长的信", annex.Title);
        Assert.Equal([("米海尔·马尔加良", (int?)null), ("大卫·巴巴扬", 1)], version.Signatories.Select(s => (s.Name, s.Annex)));
        Assert.Equal(7, version.Footnotes.Count);
        Assert.DoesNotContain("[^1]:", version.Body + annex.Body);
        Assert.Equal([(ReferenceRelation.RepliesTo, "A/75/778"), (ReferenceRelation.RepliesTo, "S/2021/177")], draft.References.Select(r => (r.Relation, r.Symbol)));
    }

    [Fact]
    public async Task AcceptingRegistersADraftWithTheFileAsItsOriginalAndTheSameBytesAgainAreOfferedAsThatRecord()
    {
        var batch = await UploadAsync(("seed.txt", new MemoryStream(Seed)));
        await Worker().ProcessPendingAsync(int.MaxValue, Cancel);
        var fileId = (await FilesAsync(batch))[0].Id;
        var draft = (await Batches().GetReviewAsync(Viewers.Secretariat, fileId, Cancel))!.Draft!;

        // Nothing is registered until the editor has given what the reader could not (the seed prints no symbol).
        var refused = await Batches().AcceptAsync(Viewers.Secretariat, "editor@un.example", fileId, draft, Cancel);
        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Contains("Symbols", refused.Errors.Keys);
        draft.Symbols = "A/75/9871–S/2021/9871";
        var accepted = await Batches().AcceptAsync(Viewers.Secretariat, "editor@un.example", fileId, draft, Cancel);
        Assert.True(accepted.Outcome == EditOutcome.Saved, string.Join("; ", accepted.Errors.Values));

        var document = await new DocumentEditor(_database, TimeProvider.System).LoadAsync(Viewers.Secretariat, accepted.DocumentId!.Value, Cancel);
        Assert.Equal(PublicationStatus.Draft, document!.Status);
        Assert.Equal("Armenia", document.Draft.Sender);
        Assert.Equal(7, document.Draft.Versions[0].Footnotes.Count);
        var original = Assert.Single(document.Files);
        Assert.Equal(("zh", FileFormat.Original, "seed.txt", (long)Seed.Length), (original.Language, original.Format, original.FileName, original.Length));
        Assert.Equal(IngestionFileStatus.Accepted, (await Batches().GetReviewAsync(Viewers.Secretariat, fileId, Cancel))!.Status);
        Assert.Equal(EditOutcome.Invalid, (await Batches().AcceptAsync(Viewers.Secretariat, "editor@un.example", fileId, draft, Cancel)).Outcome);

        // The same file again, under another name: offered as the existing record, and not registered twice.
        var again = await UploadAsync(("copy of the letter.txt", new MemoryStream(Seed)));
        await Worker().ProcessPendingAsync(int.MaxValue, Cancel);
        var againId = (await FilesAsync(again))[0].Id;
        var review = await Batches().GetReviewAsync(Viewers.Secretariat, againId, Cancel);
        Assert.Equal(accepted.DocumentId, review!.ExistingDocumentId);
        var twice = await Batches().AcceptAsync(Viewers.Secretariat, "editor@un.example", againId, review.Draft!, Cancel);
        Assert.Equal(EditOutcome.Invalid, twice.Outcome);
        Assert.Contains($"already document {accepted.DocumentId}", twice.Errors["File"]);
    }

    [Fact]
    public async Task TheFileSweepKeepsTheBytesOfFilesWaitingInABatch()
    {
        var batch = await UploadAsync(("seed.txt", new MemoryStream(Seed)));
        var waiting = (await FilesAsync(batch))[0].Sha256;
        var orphan = await _store.PutAsync(new MemoryStream("no row refers to this"u8.ToArray()), Cancel);
        await StoreKeys.RecordAsync(_database, orphan, Cancel);
        await using (var db = _database.CreateDbContext())
        {
            // A stored file the database refers to, so the sweep does not take the store for one of a lost database.
            var version = await db.LanguageVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Cancel);
            await new DocumentFileCommands(_database, _store, TimeProvider.System).AttachAsync(version, FileFormat.Original, "x.txt", MediaTypes.Text, new MemoryStream("referenced"u8.ToArray()), cancellationToken: Cancel);
        }
        var sweeper = new StoredFileSweeper(_database, _store, TimeProvider.System, Options.Create(new FileSweepOptions { MaxDeleteShare = 1.0 }), NullLogger<StoredFileSweeper>.Instance);

        var result = await sweeper.SweepAsync(TimeSpan.FromSeconds(-1), Cancel);

        Assert.Equal(1, result.Removed);
        Assert.Null(await _store.OpenReadAsync(orphan.Sha256, Cancel));
        await using var kept = await _store.OpenReadAsync(waiting, Cancel);
        Assert.NotNull(kept);
    }

    [Fact]
    public async Task OnlyEditorsIngest() =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Batches().UploadAsync(Viewer.Anonymous, null, [("a.txt", new MemoryStream(Seed))], Cancel));

    /// <summary>The fixtures' agenda items and symbols may clash with the demo data: the editor would change those.</summary>
    private static DocumentDraft WithoutAgendaItems(DocumentDraft draft)
    {
        draft.AgendaItems = "";
        draft.Symbols = "A/75/9872";
        return draft;
    }
}
