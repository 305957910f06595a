using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Citations;

public sealed class CitationQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>
    /// The citation of a document the viewer may see, in the requested language version when it is held,
    /// else under its catalogue title; null when there is no such document for this viewer.
    /// </summary>
    public async Task<CitationRecord?> GetAsync(int id, string? language, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var document = await db.Documents.AsNoTracking()
            .Where(DocumentAccess.VisibleTo(viewer))
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id,
                d.Kind,
                d.IssuedOn,
                d.DatedOn,
                d.Sender,
                d.CatalogTitle,
                Symbols = d.Symbols.OrderBy(s => s.Position).Select(s => s.Value).ToList(),
                Versions = d.LanguageVersions.Select(v => new VersionTitle(v.Language, v.Title)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }
        var title = (UnLanguage.TryParse(language, out var requested) ? document.Versions.FirstOrDefault(v => v.Language == requested.Code) : null)
            ?? TitlePreference.Pick(document.CatalogTitle, document.Versions);
        var held = document.Versions.Any(v => v.Language == title.Language);
        return new CitationRecord(document.Id, document.Symbols, title.Title, title.Language, document.Kind, document.IssuedOn ?? document.DatedOn, document.Sender,
            SiteUrls.Document(document.Id, document.Symbols, held ? title.Language : null));
    }
}
