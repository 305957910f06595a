using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Features.Home;

public sealed class JournalQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The documents issued most recently, newest first, as a daily journal lists them.</summary>
    public async Task<IReadOnlyList<DocumentRow>> ListRecentAsync(Viewer viewer, int count, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        return await db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(viewer))
            .OrderByDescending(d => d.ListedOn).ThenByDescending(d => d.Id)
            .Take(count)
            .Select(DocumentRow.Projection)
            .ToListAsync(cancellationToken);
    }
}
