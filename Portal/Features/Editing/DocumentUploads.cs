using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Localization;
using Portal.Domain;
using Portal.Infrastructure;
using Portal.Storage;

namespace Portal.Features.Editing;

/// <summary><c>Portal:Uploads</c>: limits on the files editors upload.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Portal:Uploads";

    /// <summary>The largest file an editor may upload, in bytes (50 MB unless configured).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>What became of one uploaded file: stored (as <see cref="Format"/>) or refused, with a sentence saying which and why.</summary>
public sealed record UploadOutcome(bool Stored, FileFormat? Format, string Message);

/// <summary>
/// Editors' uploads of a language version's PDF or Word file. The bytes are copied to a temporary file that
/// deletes itself when closed (so a refusal, a failure or a cancelled upload leaves nothing behind), checked by
/// content (<see cref="UploadedFileInspector"/>), and only then handed to <see cref="DocumentFileCommands"/>
/// (store first, row second); the upload is written to the document's audit log.
/// </summary>
public sealed class DocumentUploads(
    IDbContextFactory<PortalDbContext> contexts, DocumentFileCommands files, TimeProvider clock,
    IOptions<UploadOptions> options, IOptions<PortalOptions> portalOptions, IHostEnvironment environment)
{
    private const int BufferSize = 81920;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Where uploads wait while they are checked: beside the data, never in the store.</summary>
    public string TemporaryFolder { get; } = Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, portalOptions.Value.DataPath)), "uploads");

    public async Task<UploadOutcome> UploadAsync(
        Viewer editor, string? editorEmail, int documentId, string language, string fileName, long declaredLength, Stream content,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!editor.IsSecretariat)
        {
            throw new UnauthorizedAccessException("Only Secretariat editors upload files.");
        }
        if (UploadedFileInspector.CheckName(fileName) is { } badName)
        {
            return Refused(badName);
        }
        var displayName = fileName;
        if (declaredLength > MaxFileBytes)
        {
            return Refused(TooLarge(displayName));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.LanguageVersions.Where(v => v.DocumentId == documentId && v.Language == language)
            .Select(v => new { v.Id, Symbols = v.Document.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return Refused(UnLanguage.TryParse(language, out var known)
                ? InterfaceText.Format("EditErrNoVersionForUpload", InterfaceLanguage.NameOf(known))
                : InterfaceText.Get("EditErrChooseLanguage"));
        }

        Directory.CreateDirectory(TemporaryFolder);
        await using var temporary = new FileStream(Path.Combine(TemporaryFolder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[BufferSize];
        long copied = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > MaxFileBytes)
            {
                return Refused(TooLarge(displayName));
            }
            await temporary.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            progress?.Report(copied);
        }
        if (copied == 0)
        {
            return Refused(InterfaceText.Format("EditErrFileEmpty", displayName));
        }
        var inspected = UploadedFileInspector.Inspect(temporary);
        if (!inspected.Accepted)
        {
            return Refused($"{displayName}: {inspected.Problem}");
        }
        temporary.Position = 0;
        var stored = await files.AttachAsync(version.Id, inspected.Format!.Value, fileName, inspected.MediaType!, temporary, cancellationToken: cancellationToken);
        AuditLog.Record(db, editor, editorEmail, clock.GetUtcNow(), "upload", documentId, UnSymbol.Join(version.Symbols), before: null,
            after: new { Language = language, stored.Format, stored.FileName, stored.Length, stored.Sha256 });
        await db.SaveChangesAsync(CancellationToken.None);
        var formatName = inspected.Format == FileFormat.Pdf ? "PDF" : InterfaceText.Get("EditWordDocument");
        return new UploadOutcome(true, inspected.Format, InterfaceText.Format("EditFileStored", displayName, InterfaceLanguage.NameOf(UnLanguage.FromCode(language)), formatName, FileSizes.Format(stored.Length)));
    }

    private string TooLarge(string fileName) =>
        InterfaceText.Format("EditErrFileTooLarge", fileName, FileSizes.Format(MaxFileBytes));

    private static UploadOutcome Refused(string message) => new(false, null, message);
}
