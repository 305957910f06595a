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
    /// <summary>
    /// Stores <paramref name="content"/> as the version's file of that format, replacing any earlier one; a generated PDF
    /// (<paramref name="generatedFrom"/> set) replaces only a generated one, and an uploaded PDF stays.
    /// </summary>
    /// <remarks>
    /// The choice is made by the database, not on a row read beforehand: an upload may land between a generator's read
    /// and its write (another request, another instance), and a generated PDF written over it would lose the upload. So
    /// the row is replaced by one conditional UPDATE, and inserted when there is none; an insert that loses to another
    /// writer's insert (the unique index on version and format) starts over, and then finds that writer's row.
    /// </remarks>
    public async Task<StoredFile> AttachAsync(
        int languageVersionId, FileFormat format, string fileName, string mediaType, Stream content,
        DateTimeOffset? generatedFrom = null, CancellationToken cancellationToken = default)
    {
        var blob = await store.PutAsync(content, cancellationToken);
        await StoreKeys.RecordAsync(contextFactory, blob, cancellationToken);
        var name = Path.GetFileName(fileName);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var storedAt = clock.GetUtcNow();
            var replaceable = db.StoredFiles.Where(f => f.LanguageVersionId == languageVersionId && f.Format == format);
            if (generatedFrom is not null)
            {
                replaceable = replaceable.Where(f => f.GeneratedFrom != null);
            }
            await replaceable.ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Sha256, blob.Sha256)
                .SetProperty(f => f.Length, blob.Length)
                .SetProperty(f => f.MediaType, mediaType)
                .SetProperty(f => f.FileName, name)
                .SetProperty(f => f.StoredAt, storedAt)
                .SetProperty(f => f.GeneratedFrom, generatedFrom), cancellationToken);
            var current = await db.StoredFiles.AsNoTracking()
                .SingleOrDefaultAsync(f => f.LanguageVersionId == languageVersionId && f.Format == format, cancellationToken);
            if (current is not null)
            {
                // Replaced, or an uploaded PDF that this generated one must not replace.
                return current;
            }
            var row = new StoredFile
            {
                LanguageVersionId = languageVersionId,
                Format = format,
                Sha256 = blob.Sha256,
                Length = blob.Length,
                MediaType = mediaType,
                FileName = name,
                StoredAt = storedAt,
                GeneratedFrom = generatedFrom,
            };
            db.StoredFiles.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row;
            }
            catch (DbUpdateException e) when (attempt < 3 && DatabaseErrors.IsUniqueViolation(e))
            {
                // Another writer inserted the row first; the next attempt sees it.
            }
        }
    }
}
