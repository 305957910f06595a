using Microsoft.EntityFrameworkCore;
using Portal.Domain;

namespace Portal.Data.Search;

/// <summary>
/// Documents an engine found by their catalogue record alone (the catalogue title or an agenda item's title
/// matched, no text did): which language version a result shows them in, the same for every engine. English
/// first, as on ties between matching versions, then the original language, then the UN's order.
/// </summary>
public static class CatalogueMatches
{
    public static async Task<Dictionary<int, (int Id, string Language)>> VersionsToShowAsync(PortalDbContext db, IReadOnlyCollection<int> documentIds,
        CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return [];
        }
        var versions = await db.LanguageVersions.AsNoTracking()
            .Where(v => documentIds.Contains(v.DocumentId))
            .Select(v => new { v.DocumentId, v.Id, v.Language, v.Document.OriginalLanguage })
            .ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.DocumentId).ToDictionary(g => g.Key, g => g
            .OrderBy(v => v.Language == "en" ? 0 : v.Language == v.OriginalLanguage ? 1 : 2)
            .ThenBy(v => UnLanguage.OrderOf(v.Language))
            .ThenBy(v => v.Id)
            .Select(v => (v.Id, v.Language))
            .First());
    }
}
