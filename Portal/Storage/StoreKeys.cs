using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Storage;

/// <summary>
/// The keys this database put into the file store (<see cref="FileStoreKey"/>), the only files <see cref="StoredFileSweeper"/>
/// may delete. Every writer records its key after the put and before the row that refers to it: a failure after the put
/// leaves a recorded orphan, which the sweep removes; a failure before the record leaves a file the sweep never touches,
/// which costs space but loses nothing.
/// </summary>
public static class StoreKeys
{
    public static async Task RecordAsync(IDbContextFactory<PortalDbContext> contexts, StoredBlob blob, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FileStoreKeys.AnyAsync(k => k.Sha256 == blob.Sha256, cancellationToken))
        {
            return;
        }
        db.FileStoreKeys.Add(new FileStoreKey { Sha256 = blob.Sha256 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance, putting the same bytes, may have recorded the key first.
            if (!await RecordedAsync(contexts, blob.Sha256, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> RecordedAsync(IDbContextFactory<PortalDbContext> contexts, string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FileStoreKeys.AnyAsync(k => k.Sha256 == sha256, cancellationToken);
    }
}
