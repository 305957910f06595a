using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Search;

/// <summary>
/// Search across languages, the same for every engine: a document is also found by what the catalogue says it is,
/// its catalogue title and the titles of its agenda items in any of the six languages, so an English search finds a
/// document held only in Chinese when its catalogue data names it. Each engine adds these documents to its own text
/// hits (<see cref="AddToAsync"/>), after them, in the version the visitor is likeliest to read.
/// </summary>
/// <remarks>
/// Read from the catalogue's tables, not the index: the agenda item titles are few and the catalogue titles one
/// column. A term is the start of a word of those titles (Chinese: anywhere in them), case folded as the database
/// folds it (PostgreSQL: all letters; SQLite: ASCII letters). Skipped when the text hits were cut at the request's
/// limit: such a search already has more than anyone reads, and its count stays exact.
/// </remarks>
public static class CatalogueMatch
{
    /// <summary>The text hits with the documents found only by their catalogue data after them (<see cref="SearchHit.MatchedIn"/> empty).</summary>
    public static async Task<SearchHits> AddToAsync(PortalDbContext db, SearchRequest request, SearchHits hits, CancellationToken cancellationToken)
    {
        if (hits.Truncated || request.Terms.Count == 0)
        {
            return hits;
        }
        var found = hits.Hits.Select(h => h.DocumentId).ToHashSet();
        var documents = request.AllowedDocuments(db);
        foreach (var term in request.Terms)
        {
            var text = term.Text.ToLowerInvariant();
            var start = " " + text;
            documents = term.Text.Any(SearchText.IsCjk)
                ? documents.Where(d => (d.CatalogTitle != null && d.CatalogTitle.Contains(term.Text))
                    || d.AgendaItems.Any(a => a.AgendaItem.Titles.Any(t => t.Title.Contains(term.Text))))
                : documents.Where(d => (d.CatalogTitle != null && (" " + d.CatalogTitle.ToLower()).Contains(start))
                    || d.AgendaItems.Any(a => a.AgendaItem.Titles.Any(t => (" " + t.Title.ToLower()).Contains(start))));
        }
        if (request.Scope.Language is { } language)
        {
            documents = documents.Where(d => d.LanguageVersions.Any(v => v.Language == language));
        }
        var matches = await documents
            .OrderByDescending(d => d.Id)
            .Take(request.Limit)
            .Select(d => new { d.Id, d.OriginalLanguage, Versions = d.LanguageVersions.Select(v => new { v.Id, v.Language }).ToList() })
            .ToListAsync(cancellationToken);
        var added = matches
            .Where(m => !found.Contains(m.Id) && m.Versions.Count > 0)
            .Select(m =>
            {
                // The filtered language, else the original, else the first in the UN's order.
                var version = m.Versions.FirstOrDefault(v => v.Language == request.Scope.Language)
                    ?? m.Versions.FirstOrDefault(v => v.Language == m.OriginalLanguage)
                    ?? m.Versions.OrderBy(v => Array.IndexOf(SearchTags.LanguageSlots, v.Language)).First();
                return new SearchHit(m.Id, version.Id, version.Language, 0);
            })
            .ToList();
        if (added.Count == 0)
        {
            return hits;
        }
        return new SearchHits([.. hits.Hits, .. added], false, hits.Total + added.Count, hits.TotalIsExact);
    }
}
