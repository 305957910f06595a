using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Editing;
using Portal.Features.Files;
using Portal.Infrastructure;
using Portal.Localization;
using Portal.Storage;

namespace Portal.Features.Ingestion;

/// <summary><c>Portal:Ingestion</c>: uploads for ingestion and the background worker that reads them.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Portal:Ingestion";

    /// <summary>The largest upload (one file or one ZIP), in bytes; each file inside is also held to the extractor's 32 MB.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most files one batch (or one ZIP) may hold.</summary>
    public int MaxFilesPerBatch { get; set; } = 2000;

    /// <summary>How often the worker looks for pending files when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed file stays with the worker that claimed it; after that another instance may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Wakes the ingestion worker: a batch was uploaded.</summary>
public sealed class IngestionWakeUp : WakeUpSignal;

/// <summary>One file of a batch as the batch page lists it.</summary>
public sealed record IngestionFileRow(int Id, int Position, string FileName, long Length, IngestionFileStatus Status, string? Error, int? DocumentId);

/// <summary>A batch and its files, in upload order.</summary>
public sealed record IngestionBatchView(int Id, DateTimeOffset CreatedAt, string? CreatedBy, IReadOnlyList<IngestionFileRow> Files)
{
    public int Done => Files.Count(f => f.Status != IngestionFileStatus.Pending);
    public bool Finished => Done == Files.Count;
}

/// <summary>A recent batch in the list on the upload page.</summary>
public sealed record IngestionBatchRow(int Id, DateTimeOffset CreatedAt, string? CreatedBy, int Files, int Pending, int Failed, int Accepted);

/// <summary>
/// One file's proposal as the review screen shows it: the text the reader got (page by page), the extractor's
/// proposal with its confidences, the editable draft, and the document the same bytes already are, if any.
/// </summary>
public sealed record IngestionReview(
    int Id, int BatchId, string FileName, IngestionFileStatus Status, string? Error, string? Format, IReadOnlyList<string> Pages,
    ProposedRecord? Proposal, DocumentDraft? Draft, IReadOnlySet<string> Uncertain, int? DocumentId, int? ExistingDocumentId);

/// <summary>What became of an upload: the batch it made, or a sentence saying why nothing was stored.</summary>
public sealed record IngestionUploadResult(int? BatchId, string? Problem);

/// <summary>
/// Editors' ingestion: uploaded files (or the files of a ZIP) become a batch whose bytes are in the file store
/// and whose rows wait for <see cref="IngestionWorker"/>; each proposal is reviewed and, when the editor accepts
/// it, registered as a draft by <see cref="DocumentEditor"/> with the file attached as the version's original.
/// </summary>
public sealed class IngestionCommands(
    IDbContextFactory<PortalDbContext> contexts, IDocumentFileStore store, DocumentEditor editor, DocumentFileCommands files,
    IngestionWakeUp wakeUp, TimeProvider clock, IOptions<IngestionOptions> options, IOptions<PortalOptions> portalOptions, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions DraftJson = new(JsonSerializerDefaults.General);

    /// <summary>Where uploads wait while they are copied: beside the data, never in the store.</summary>
    private string TemporaryFolder { get; } = Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, portalOptions.Value.DataPath)), "uploads");

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>
    /// Stores the uploads as one batch: each file, or each file inside a ZIP, becomes a pending row (an empty or
    /// oversized one a failed row with the reason). Nothing is stored when an upload is refused as a whole.
    /// </summary>
    public async Task<IngestionUploadResult> UploadAsync(Viewer viewer, string? editorEmail, IReadOnlyList<(string Name, Stream Content)> uploads, CancellationToken cancellationToken = default)
    {
        RequireEditor(viewer);
        if (uploads.Count == 0)
        {
            return new IngestionUploadResult(null, InterfaceText.Get("IngestChooseAtLeastOne"));
        }
        var rows = new List<IngestionFile>();
        Directory.CreateDirectory(TemporaryFolder);
        foreach (var (name, content) in uploads)
        {
            await using var spool = new FileStream(Path.Combine(TemporaryFolder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            if (!await CopyWithinAsync(content, spool, MaxUploadBytes, cancellationToken))
            {
                return new IngestionUploadResult(null, InterfaceText.Format("IngestFileTooLarge", DisplayName(name), FileSizes.Format(MaxUploadBytes)));
            }
            spool.Position = 0;
            if (IsArchive(spool) is { } archive)
            {
                using (archive)
                {
                    if (await AddArchiveAsync(archive, name, rows, cancellationToken) is { } problem)
                    {
                        return new IngestionUploadResult(null, problem);
                    }
                }
            }
            else
            {
                spool.Position = 0;
                await AddFileAsync(name, spool, spool.Length, rows, cancellationToken);
            }
            if (rows.Count > options.Value.MaxFilesPerBatch)
            {
                return new IngestionUploadResult(null, InterfaceText.Format("IngestTooManyFiles", options.Value.MaxFilesPerBatch));
            }
        }
        if (rows.Count == 0)
        {
            return new IngestionUploadResult(null, InterfaceText.Get("IngestUploadHeldNoFiles"));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = new IngestionBatch { CreatedAt = clock.GetUtcNow(), CreatedBy = editorEmail };
        foreach (var (row, position) in rows.Select((r, p) => (r, p)))
        {
            row.Position = position;
            batch.Files.Add(row);
        }
        db.IngestionBatches.Add(batch);
        await db.SaveChangesAsync(CancellationToken.None);
        wakeUp.Now();
        return new IngestionUploadResult(batch.Id, null);
    }

    /// <summary>The most recent batches, newest first.</summary>
    public async Task<IReadOnlyList<IngestionBatchRow>> ListAsync(Viewer viewer, int count = 20, CancellationToken cancellationToken = default)
    {
        RequireEditor(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IngestionBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(count)
            .Select(b => new IngestionBatchRow(b.Id, b.CreatedAt, b.CreatedBy, b.Files.Count,
                b.Files.Count(f => f.Status == IngestionFileStatus.Pending), b.Files.Count(f => f.Status == IngestionFileStatus.Failed),
                b.Files.Count(f => f.Status == IngestionFileStatus.Accepted)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IngestionBatchView?> GetBatchAsync(Viewer viewer, int id, CancellationToken cancellationToken = default)
    {
        RequireEditor(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.IngestionBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Id, b.CreatedAt, b.CreatedBy }).FirstOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return null;
        }
        var rows = await db.IngestionFiles.AsNoTracking().Where(f => f.BatchId == id).OrderBy(f => f.Position)
            .Select(f => new IngestionFileRow(f.Id, f.Position, f.FileName, f.Length, f.Status, f.Error, f.DocumentId))
            .ToListAsync(cancellationToken);
        return new IngestionBatchView(batch.Id, batch.CreatedAt, batch.CreatedBy, rows);
    }

    public async Task<IngestionReview?> GetReviewAsync(Viewer viewer, int fileId, CancellationToken cancellationToken = default)
    {
        RequireEditor(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.IngestionFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return null;
        }
        var proposal = file.ProposalJson is null ? null : JsonSerializer.Deserialize<ProposedRecord>(file.ProposalJson, ExtractCommand.Json);
        var draft = file.DraftJson is null ? null : JsonSerializer.Deserialize<DocumentDraft>(file.DraftJson, DraftJson);
        var existing = file.Status == IngestionFileStatus.Accepted ? null : await ExistingDocumentAsync(db, file.Sha256, cancellationToken);
        return new IngestionReview(file.Id, file.BatchId, file.FileName, file.Status, file.Error, file.Format, file.Pages, proposal, draft,
            proposal is null ? new HashSet<string>() : ProposalDraft.UncertainFields(proposal.Confidence), file.DocumentId, existing);
    }

    /// <summary>
    /// The uploaded file itself when it was read as a PDF, for the review screen to show beside the text; null when
    /// the file does not exist, is not a PDF, or the viewer may not review it (the same rule as <see cref="GetReviewAsync"/>),
    /// so that all three look alike.
    /// </summary>
    public async Task<DownloadContent?> GetSourcePdfAsync(Viewer viewer, int fileId, CancellationToken cancellationToken = default)
    {
        if (!MayReview(viewer))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.IngestionFiles.AsNoTracking().Where(f => f.Id == fileId && f.Format == PdfTextReader.FormatName)
            .Select(f => new { f.FileName, f.Sha256, f.Length, f.ProcessedAt, CreatedAt = f.Batch.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return file is null ? null : new DownloadContent(ct => store.OpenReadAsync(file.Sha256, ct), file.Length, MediaTypes.Pdf, file.FileName, file.Sha256, file.ProcessedAt ?? file.CreatedAt);
    }

    /// <summary>
    /// Registers the reviewed draft as a draft document (through <see cref="DocumentEditor.RegisterAsync"/>) and
    /// attaches the uploaded file to its first language version as the original. Refused when the file is not
    /// waiting for review or the same bytes are already a document.
    /// </summary>
    public async Task<EditResult> AcceptAsync(Viewer viewer, string? editorEmail, int fileId, DocumentDraft draft, CancellationToken cancellationToken = default)
    {
        RequireEditor(viewer);
        IngestionFile? file;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            file = await db.IngestionFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
            if (file is null)
            {
                return EditResult.NotFound;
            }
            if (file.Status != IngestionFileStatus.Extracted)
            {
                return EditResult.Invalid("File", file.Status == IngestionFileStatus.Accepted
                    ? "This file was accepted already."
                    : "This file has no proposal to accept.");
            }
            if (await ExistingDocumentAsync(db, file.Sha256, cancellationToken) is { } existing)
            {
                return EditResult.Invalid("File", $"The same file is already document {existing}.");
            }
        }
        var result = await editor.RegisterAsync(viewer, editorEmail, draft, cancellationToken);
        if (result.Outcome != EditOutcome.Saved)
        {
            return result;
        }
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            var language = draft.Versions[0].Language;
            var versionId = await db.LanguageVersions.Where(v => v.DocumentId == result.DocumentId && v.Language == language).Select(v => v.Id).SingleAsync(CancellationToken.None);
            await using (var content = await store.OpenReadAsync(file.Sha256, CancellationToken.None)
                ?? throw new InvalidOperationException($"The file store no longer holds {file.Sha256}."))
            {
                await files.AttachAsync(versionId, FileFormat.Original, file.FileName, MediaTypeOf(file.Format), content, cancellationToken: CancellationToken.None);
            }
            await db.IngestionFiles.Where(f => f.Id == fileId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, IngestionFileStatus.Accepted).SetProperty(f => f.DocumentId, result.DocumentId), CancellationToken.None);
        }
        return result;
    }

    internal static string SerializeDraft(DocumentDraft draft) => JsonSerializer.Serialize(draft, DraftJson);

    /// <summary>The document whose stored file (any format, any language) has exactly these bytes.</summary>
    private static async Task<int?> ExistingDocumentAsync(PortalDbContext db, string sha256, CancellationToken cancellationToken) =>
        await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == sha256 && f.GeneratedFrom == null)
            .OrderBy(f => f.LanguageVersion.DocumentId).Select(f => (int?)f.LanguageVersion.DocumentId).FirstOrDefaultAsync(cancellationToken);

    private static string MediaTypeOf(string? format) => format switch
    {
        PdfTextReader.FormatName => MediaTypes.Pdf,
        "Word document" => MediaTypes.Docx,
        _ => MediaTypes.Text,
    };

    private async Task<string?> AddArchiveAsync(ZipArchive archive, string archiveName, List<IngestionFile> rows, CancellationToken cancellationToken)
    {
        long unpacked = 0;
        var limit = IngestionLimits.Default.MaxFileBytes;
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            if (rows.Count >= options.Value.MaxFilesPerBatch)
            {
                return $"{DisplayName(archiveName)} holds more than the {options.Value.MaxFilesPerBatch} files a batch may have; nothing was stored.";
            }
            var name = entry.FullName.Replace('\\', '/').Split('/')[^1];
            if (name.StartsWith('.') || name.Length == 0)
            {
                // Folder furniture (".DS_Store", "__MACOSX/._x") is not a document.
                continue;
            }
            Directory.CreateDirectory(TemporaryFolder);
            await using var spool = new FileStream(Path.Combine(TemporaryFolder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            bool within;
            try
            {
                await using var content = entry.Open();
                // The entry's declared size can lie (a zip bomb): the copy itself stops at the limit.
                within = await CopyWithinAsync(content, spool, limit, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                rows.Add(Failed(name, 0, $"The entry could not be unpacked from {DisplayName(archiveName)}: {e.Message}"));
                continue;
            }
            unpacked += spool.Length;
            if (unpacked > IngestionLimits.Default.MaxUnpackedBytes)
            {
                return $"{DisplayName(archiveName)} unpacks to more than {FileSizes.Format(IngestionLimits.Default.MaxUnpackedBytes)}; nothing was stored.";
            }
            if (!within)
            {
                rows.Add(Failed(name, spool.Length, $"The file is over the {limit / (1024 * 1024)} MB limit for one document."));
                continue;
            }
            spool.Position = 0;
            await AddFileAsync(name, spool, spool.Length, rows, cancellationToken);
        }
        return null;
    }

    private async Task AddFileAsync(string name, Stream content, long length, List<IngestionFile> rows, CancellationToken cancellationToken)
    {
        var fileName = DisplayName(name);
        if (length == 0)
        {
            rows.Add(Failed(fileName, 0, "The file is empty."));
            return;
        }
        if (length > IngestionLimits.Default.MaxFileBytes)
        {
            rows.Add(Failed(fileName, length, $"The file is over the {IngestionLimits.Default.MaxFileBytes / (1024 * 1024)} MB limit for one document."));
            return;
        }
        var blob = await store.PutAsync(content, cancellationToken);
        await StoreKeys.RecordAsync(contexts, blob, cancellationToken);
        rows.Add(new IngestionFile { FileName = fileName, Sha256 = blob.Sha256, Length = blob.Length });
    }

    private static IngestionFile Failed(string name, long length, string error) =>
        new() { FileName = DisplayName(name), Length = length, Status = IngestionFileStatus.Failed, Error = error };

    /// <summary>A ZIP of files (not a Word document, which is a ZIP too), or null.</summary>
    private static ZipArchive? IsArchive(Stream content)
    {
        Span<byte> head = stackalloc byte[4];
        if (content.Read(head) < 4 || !head.SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return null;
        }
        content.Position = 0;
        try
        {
            var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.GetEntry("[Content_Types].xml") is not null)
            {
                archive.Dispose();
                return null;
            }
            return archive;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static async Task<bool> CopyWithinAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > limit)
            {
                return false;
            }
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }

    /// <summary>The file's own name, without any folder a browser or an archive put before it, at most 200 characters.</summary>
    private static string DisplayName(string name)
    {
        var own = name.Replace('\\', '/').Split('/')[^1].Trim();
        own = new string([.. own.Where(c => !char.IsControl(c))]);
        return own.Length == 0 ? "(no name)" : own.Length > 200 ? own[..200] : own;
    }

    /// <summary>Who may upload, review and accept files: Secretariat editors and administrators signed in with two factors.</summary>
    public static bool MayReview(Viewer viewer) => viewer.IsSecretariat;

    private static void RequireEditor(Viewer viewer)
    {
        if (!MayReview(viewer))
        {
            throw new UnauthorizedAccessException("Only Secretariat editors ingest documents.");
        }
    }
}
