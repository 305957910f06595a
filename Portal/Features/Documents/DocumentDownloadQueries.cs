using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Documents;

/// <summary>What the document page's download panel lists.</summary>
public sealed class DocumentDownloadQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>Every download a document offers, by language in UN order, for the document page.</summary>
    public async Task<IReadOnlyList<LanguageDownloads>> ListAsync(int documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var versions = await VersionFiles.Project(VersionFiles.Visible(db, viewer).Where(v => v.DocumentId == documentId)).ToListAsync(cancellationToken);
        return versions
            .OrderBy(v => UnLanguage.OrderOf(v.Language))
            .Select(v => new LanguageDownloads(v.Language, DownloadFormats.All.Where(v.Offers).Select(f => new DownloadLink(v.Language, f, v.Url(f), v.Length(f))).ToList()))
            .Where(l => l.Links.Count > 0)
            .ToList();
    }
}
