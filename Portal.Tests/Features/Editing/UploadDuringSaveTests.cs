using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Editing;
using Portal.Storage;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Editing;

/// <summary>
/// An editor's save that removes a language version, and another editor's upload of a file to that version landing
/// between the save's check (the version has no files) and its delete: the upload does not change the document's
/// revision, so only the database can refuse the delete.
/// </summary>
public sealed class UploadDuringSaveTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-upload-during-save", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateSeededAsync();

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AFileUploadedToAVersionWhileASaveRemovesItIsKeptAndTheSaveIsAConflict()
    {
        var hook = new BeforeTransaction(c => c.ChangeTracker.Entries<LanguageVersion>().Any(e => e.State == EntityState.Deleted));
        var editor = new DocumentEditor(_database.With(hook), TimeProvider.System);
        var uploads = new DocumentFileCommands(_database, new LocalDocumentFileStore(Path.Combine(_root, "files")), TimeProvider.System);
        int documentId, versionId;
        string language;
        await using (var db = _database.CreateDbContext())
        {
            var candidate = await db.Documents.Where(d => d.Symbols.Any() && d.LanguageVersions.Count >= 2 && d.LanguageVersions.All(v => !v.Files.Any()))
                .Select(d => new { d.Id, Last = d.LanguageVersions.OrderBy(v => v.Id).Select(v => new { v.Id, v.Language }).Last() })
                .FirstAsync(Cancel);
            (documentId, versionId, language) = (candidate.Id, candidate.Last.Id, candidate.Last.Language);
        }
        var loaded = (await editor.LoadAsync(Viewers.Secretariat, documentId, Cancel))!;
        loaded.Draft.Versions.RemoveAll(v => v.Language == language);
        StoredFile? uploaded = null;
        hook.Action = async () => uploaded = await uploads.AttachAsync(versionId, FileFormat.Pdf, "issued.pdf", MediaTypes.Pdf,
            new MemoryStream(TestDocuments.FakePdf(3_000, 7).Bytes), cancellationToken: CancellationToken.None);

        var result = await editor.SaveAsync(Viewers.Secretariat, "editor@un.example", documentId, loaded.Revision, loaded.Draft, Cancel);

        Assert.NotNull(uploaded);
        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Contains(result.Current!.Versions, v => v.Language == language);
        await using var check = _database.CreateDbContext();
        Assert.True(await check.StoredFiles.AnyAsync(f => f.Id == uploaded!.Id, Cancel));
        Assert.True(await check.LanguageVersions.AnyAsync(v => v.Id == versionId, Cancel));
    }

    /// <summary>Runs an action once, just before a transaction begins on a context whose changes match.</summary>
    private sealed class BeforeTransaction(Func<DbContext, bool> when) : DbTransactionInterceptor
    {
        public Func<Task>? Action { get; set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Action is { } action && eventData.Context is { } context && when(context))
            {
                Action = null;
                await action();
            }
            return result;
        }
    }
}
