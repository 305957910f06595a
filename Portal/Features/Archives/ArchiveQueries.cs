using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Catalogue;
using Portal.Infrastructure;

namespace Portal.Features.Archives;

/// <summary>Where a "download all" archive draws its documents from.</summary>
public sealed record ArchiveScope(Organ Organ, int Session, int? AgendaItem)
{
    public string FileName => AgendaItem is int item
        ? $"{SessionNames.Slug(Organ).ToUpperInvariant()}{Session}_item_{item}.zip"
        : $"{SessionNames.Slug(Organ).ToUpperInvariant()}{Session}.zip";
}

public sealed class ArchiveQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// The language versions a "download all" archive covers: documents of the session or agenda item
    /// that the viewer may see, in the chosen languages (all when none is chosen), ordered by symbol.
    /// Null when the session or agenda item does not exist.
    /// </summary>
    public async Task<IReadOnlyList<VersionFiles>?> VersionsAsync(ArchiveScope scope, IReadOnlyCollection<string> languages, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Organ == scope.Organ && s.Number == scope.Session)
            .Select(s => new { s.Id, Item = s.AgendaItems.Where(a => a.Number == scope.AgendaItem).Select(a => (int?)a.Id).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null || (scope.AgendaItem is not null && session.Item is null))
        {
            return null;
        }
        var documents = db.Documents.Where(DocumentAccess.VisibleTo(viewer));
        // IN, not EXISTS, at each step: SQLite then starts from the scope's link rows instead of
        // probing every document and every language version (see AgendaItemQueries).
        var inScope = session.Item is int itemId
            ? db.DocumentAgendaItems.Where(a => a.AgendaItemId == itemId).Select(a => a.DocumentId)
            : db.DocumentSessions.Where(s => s.SessionId == session.Id).Select(s => s.DocumentId);
        var documentIds = documents.Where(d => inScope.Contains(d.Id)).Select(d => d.Id);
        var versions = VersionFiles.Visible(db, viewer).Where(v => documentIds.Contains(v.DocumentId));
        if (languages.Count > 0)
        {
            versions = versions.Where(v => languages.Contains(v.Language));
        }
        var list = await VersionFiles.Project(versions).ToListAsync(cancellationToken);
        return list
            .OrderBy(v => v.Symbols.Count == 0 ? 1 : 0)
            .ThenBy(v => v.Symbols.Count == 0 ? "" : UnSymbol.KeyOf(v.Symbols[0]), StringComparer.Ordinal)
            .ThenBy(v => v.DocumentId)
            .ThenBy(v => UnLanguage.OrderOf(v.Language))
            .ToList();
    }
}
