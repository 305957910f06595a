using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Features.Files;

public sealed class FileQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// A language version of a document the viewer may see, with its files; null when the document
    /// is not visible or holds no version in that language.
    /// </summary>
    public async Task<VersionFiles?> GetVersionAsync(int documentId, string language, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        return await VersionFiles.Project(VersionFiles.Visible(db, viewer).Where(v => v.DocumentId == documentId && v.Language == language))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
