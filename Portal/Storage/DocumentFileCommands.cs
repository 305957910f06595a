using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Storage;

/// <summary>
/// Writes files of language versions. The bytes go to the store first and the row second, so a
/// row never points at missing bytes; bytes whose row was never written (a failure in between) or
/// was replaced are removed later by <see cref="StoredFileSweeper"/>, their key recorded (<see cref="StoreKeys"/>) in between.
/// </summary>
public sealed class DocumentFileCommands(IDbContextFactory<PortalDbContext> contextFactory, IDocumentFileStore store, TimeProvider clock)
{
    /// <summary>Stores <paramref name="content"/> as the version's file of that format, replacing any earlier one.</summary>
    public async Task<StoredFile> AttachAsync(
        int languageVersionId, FileFormat format, string fileName, string mediaType, Stream content,
        DateTimeOffset? generatedFrom = null, CancellationToken cancellationToken = default)
    {
        var blob = await store.PutAsync(content, cancellationToken);
        await StoreKeys.RecordAsync(contextFactory, blob, cancellationToken);
        await using var db = contextFactory.CreateDbContext();
        var row = await db.StoredFiles.FirstOrDefaultAsync(f => f.LanguageVersionId == languageVersionId && f.Format == format, cancellationToken);
        if (generatedFrom is not null && row is { GeneratedFrom: null })
        {
            // An uploaded PDF is never replaced by a generated one.
            return row;
        }
        if (row is null)
        {
            row = new StoredFile { LanguageVersionId = languageVersionId, Format = format };
            db.StoredFiles.Add(row);
        }
        row.Sha256 = blob.Sha256;
        row.Length = blob.Length;
        row.MediaType = mediaType;
        row.FileName = Path.GetFileName(fileName);
        row.StoredAt = clock.GetUtcNow();
        row.GeneratedFrom = generatedFrom;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
