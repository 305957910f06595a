using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Features.Search;

public sealed class SearchQueries(IDbContextFactory<PortalDbContext> contextFactory, ISearchIndex index, DocumentQueries documents)
{
    private const int FacetLength = 12;

    /// <summary>
    /// How many matching language versions a search asks the index to read (<see cref="SearchRequest.Limit"/>).
    /// It bounds the ranking and the facets whatever the size of the corpus; beyond it an engine that counts every match
    /// (SQLite's word index) gives the exact total, one that cannot says "at least".
    /// </summary>
    public int MaxMatchedVersions { get; init; } = PortalOptions.DefaultSearchMatchLimit;

    /// <summary>
    /// Runs a search: a symbol goes straight to its document (<see cref="SearchResults.RedirectUrl"/>);
    /// other text goes to the full-text index with the filters and the viewer, which returns only
    /// documents the viewer may see; the hits are then counted per facet, paged and quoted.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchFilter filter, int pageSize, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var symbols = UnSymbol.ParseJoint(filter.Query);
        if (symbols.Count > 0 && filter.Query.Contains('/'))
        {
            var id = await documents.ResolveAsync(symbols, viewer, cancellationToken);
            if (id is int found)
            {
                return Empty(filter, [], pageSize) with { RedirectUrl = SiteUrls.Document(found, [symbols[0].Value]) };
            }
        }

        var input = SearchInput.Parse(filter.Query);
        var notices = input.Notices.ToList();
        string? unknownSymbol = symbols.Count > 0 && filter.Query.Contains('/') ? UnSymbol.Join(symbols.Select(s => s.Value)) : null;
        if (input.IsEmpty)
        {
            if (input.Text.Length > 0 && notices.Count == 0)
            {
                notices.Add(InterfaceText.Get("NoticeTooShortQuery"));
            }
            return Empty(filter, notices, pageSize) with { UnknownSymbol = unknownSymbol, Blank = input.Text.Length == 0 };
        }

        await using var db = contextFactory.CreateDbContext();
        var scope = await ScopeAsync(db, filter, cancellationToken);
        var hits = scope is null ? SearchHits.None
            : await index.SearchAsync(new SearchRequest(input.Terms, scope, viewer, MaxMatchedVersions), cancellationToken);
        if (hits.Truncated && hits.TotalIsEstimate)
        {
            // Too many matches to count at the speed of a page: the index estimated their number from a sample.
            notices.Add(InterfaceText.Format("NoticeManyMatchesEstimated", MaxMatchedVersions.ToString("N0", CultureInfo.CurrentCulture)));
        }
        else if (hits.Truncated && hits.TotalIsExact)
        {
            // Every match was counted in the index; the ranking and the facets cover the newest matches read.
            notices.Add(InterfaceText.Format("NoticeManyMatchesRanked", MaxMatchedVersions.ToString("N0", CultureInfo.CurrentCulture)));
        }
        else if (hits.Truncated)
        {
            // An engine that stops counting at the limit (PostgreSQL) applies the filters and the access rule in
            // the same statement, so what it counted are the newest matches that pass them.
            notices.Add(InterfaceText.Format("NoticeManyMatches", MaxMatchedVersions.ToString("N0", CultureInfo.CurrentCulture)));
        }
        return await ReadResultsAsync(db, filter, input, hits, notices, pageSize, cancellationToken) with { UnknownSymbol = unknownSymbol };
    }

    /// <summary>
    /// Whether one document is among what the search finds for the viewer (a saved search that alerts
    /// its subscribers): the same terms, filters and access rule, narrowed to that document.
    /// </summary>
    public async Task<bool> FindsAsync(SearchFilter filter, int documentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var input = SearchInput.Parse(filter.Query);
        if (input.IsEmpty)
        {
            return false;
        }
        await using var db = contextFactory.CreateDbContext();
        var scope = await ScopeAsync(db, filter, cancellationToken);
        if (scope is null)
        {
            return false;
        }
        var hits = await index.SearchAsync(new SearchRequest(input.Terms, scope with { DocumentId = documentId }, viewer, MaxMatchedVersions), cancellationToken);
        return hits.Hits.Any(h => h.DocumentId == documentId);
    }

    /// <summary>The filters as the index takes them: the session and agenda item by id; null when one of them does not exist.</summary>
    private static async Task<SearchScope?> ScopeAsync(PortalDbContext db, SearchFilter filter, CancellationToken cancellationToken)
    {
        int? sessionId = null;
        int? agendaItemId = null;
        if (filter.Session is { } session)
        {
            sessionId = await db.Sessions.Where(s => s.Organ == session.Organ && s.Number == session.Number)
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (sessionId is null)
            {
                return null;
            }
        }
        if (filter.AgendaItem is { } item)
        {
            agendaItemId = await db.AgendaItems.Where(a => a.Number == item.Number && a.Session.Organ == item.Organ && a.Session.Number == item.Session)
                .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (agendaItemId is null)
            {
                return null;
            }
        }
        return new SearchScope(sessionId, agendaItemId, filter.Organ, filter.Kind, filter.Sender, filter.Language,
            filter.From, filter.To, filter.Distribution);
    }

    private async Task<SearchResults> ReadResultsAsync(PortalDbContext db, SearchFilter filter, SearchInput input, SearchHits hits,
        List<string> notices, int pageSize, CancellationToken cancellationToken)
    {
        // The hits are few (the index bounds them) and every one is a document the viewer may see, so every
        // query below starts from their ids: SQLite seeks those rows by key.
        var page = Paging.ClampPage(filter.Page, hits.Hits.Count, pageSize);
        var pageHits = hits.Hits.Skip((page - 1) * pageSize).Take(pageSize).ToList();

        // The facets read the catalogue, not the page: on a connection of their own (Task.Run, as SQLite's async calls
        // run synchronously) they are counted while the page is read, which shortens a search by their time.
        var facetsCounted = hits.Hits.Count == 0 ? Task.FromResult<IReadOnlyList<Facet>>([])
            : Task.Run(() => FacetsAsync(hits.Hits.Select(h => h.DocumentId).ToList(), filter, cancellationToken), cancellationToken);
        var ids = pageHits.Select(h => h.DocumentId).ToList();
        var rows = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(DocumentRow.Projection)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var texts = await index.ReadShownTextsAsync(pageHits, cancellationToken);
        var items = pageHits
            .Where(h => rows.ContainsKey(h.DocumentId))
            .Select(h =>
            {
                var row = rows[h.DocumentId];
                if (!texts.TryGetValue(h.DocumentId, out var text))
                {
                    // A document without any language version, found by its catalogue record: its catalogue title, no snippet.
                    return new SearchResultItem(row, row.TitleLanguage, row.Title, [], h.MatchedIn, h.InCatalogue);
                }
                var title = row.Versions.FirstOrDefault(v => v.Language == text.Language)?.Title ?? row.Title;
                return new SearchResultItem(row, text.Language, title, h.MatchedIn.Count == 0 ? SnippetBuilder.Opening(text) : SnippetBuilder.Build(text, input.Terms), h.MatchedIn, h.InCatalogue);
            })
            .ToList();

        var facets = await facetsCounted;
        return new SearchResults(filter, notices, hits.Total, page, pageSize, items, facets, Truncated: hits.Truncated,
            TotalIsExact: hits.TotalIsExact, RankedCount: hits.Hits.Count)
        { TotalIsEstimate = hits.TotalIsEstimate };
    }

    /// <summary>
    /// Counts per facet over the documents found (all of them visible to the viewer), from the catalogue
    /// rather than the index: every engine returns document ids, and the labels live in the database.
    /// The database groups and counts, so a search reads back a few rows per facet, not a row per hit.
    /// </summary>
    private async Task<IReadOnlyList<Facet>> FacetsAsync(List<int> ids, SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var facets = new List<Facet>();
        var first = filter with { Page = 1 };
        var found = db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id));
        var links = db.DocumentSessions.AsNoTracking().Where(l => ids.Contains(l.DocumentId));

        var sessions = await links
            .GroupBy(l => new { l.Session.Organ, l.Session.Number })
            .Select(g => new { g.Key.Organ, g.Key.Number, Count = g.Select(l => l.DocumentId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Number).Take(FacetLength)
            .ToListAsync(cancellationToken);
        facets.Add(new Facet(FacetKey.Session, sessions.Select(s =>
        {
            var key = new SessionKey(s.Organ, s.Number);
            return new FacetValue(key.Label, s.Count, first with { Session = key }, filter.Session == key);
        }).ToList()));

        var items = await db.DocumentAgendaItems.AsNoTracking()
            .Where(l => ids.Contains(l.DocumentId))
            .GroupBy(l => l.AgendaItemId)
            .Select(g => new { AgendaItemId = g.Key, Count = g.Select(l => l.DocumentId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.AgendaItemId).Take(FacetLength)
            .ToListAsync(cancellationToken);
        var itemIds = items.Select(i => i.AgendaItemId).ToList();
        var itemNames = await db.AgendaItems.AsNoTracking()
            .Where(a => itemIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Session.Organ,
                Session = a.Session.Number,
                a.Number,
                Title = a.Titles.AsQueryable().OrderBy(TitlePreference.EnglishFirst).Select(t => t.Title).FirstOrDefault(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        facets.Add(new Facet(FacetKey.AgendaItem, items.Where(i => itemNames.ContainsKey(i.AgendaItemId)).Select(i =>
        {
            var name = itemNames[i.AgendaItemId];
            var key = new AgendaItemKey(name.Organ, name.Session, name.Number);
            var label = InterfaceText.Format("SessionItemTitle", SessionNames.Label(name.Organ, name.Session), name.Number, name.Title ?? "");
            return new FacetValue(label, i.Count, first with { AgendaItem = key }, filter.AgendaItem == key);
        }).ToList()));

        var organs = await links
            .GroupBy(l => l.Session.Organ)
            .Select(g => new { Organ = g.Key, Count = g.Select(l => l.DocumentId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Organ, g => g.Count, cancellationToken);
        facets.Add(new Facet(FacetKey.Organ, Enum.GetValues<Organ>().Where(organs.ContainsKey).Select(organ =>
            new FacetValue(SessionNames.OrganName(organ), organs[organ], first with { Organ = organ }, filter.Organ == organ)).ToList()));

        // Kind, sender, distribution and year in one pass: a row per combination found, summed here. DateOnly.MinValue
        // stands for "no date" (PostgreSQL holds it as -infinity, which has no year).
        var combinations = await found
            .GroupBy(d => new { d.Kind, d.Sender, d.Distribution, Year = d.ListedOn > DateOnly.MinValue ? d.ListedOn.Year : 0 })
            .Select(g => new { g.Key.Kind, g.Key.Sender, g.Key.Distribution, g.Key.Year, Count = g.Count() })
            .ToListAsync(cancellationToken);

        facets.Add(new Facet(FacetKey.Kind, combinations.GroupBy(c => c.Kind).Select(g => (g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(g => g.Count).Select(g =>
                new FacetValue(InterfaceNames.Kinds(g.Key), g.Count, first with { Kind = g.Key }, filter.Kind == g.Key)).ToList()));

        facets.Add(new Facet(FacetKey.Sender, combinations.Where(c => c.Sender != null).GroupBy(c => c.Sender!)
            .Select(g => (g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(FacetLength)
            .Select(g => new FacetValue(g.Key, g.Count, first with { Sender = g.Key }, filter.Sender == g.Key)).ToList()));

        var languages = await db.LanguageVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId))
            .GroupBy(v => v.Language)
            .Select(g => new { Language = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        facets.Add(new Facet(FacetKey.Language, languages.OrderBy(g => UnLanguage.OrderOf(g.Language)).Select(g =>
        {
            var info = UnLanguage.TryParse(g.Language, out var parsed) ? parsed : null;
            return new FacetValue(info?.NativeName ?? g.Language, g.Count, first with { Language = g.Language }, filter.Language == g.Language, g.Language);
        }).ToList()));

        facets.Add(new Facet(FacetKey.Year, combinations.Where(c => c.Year > 0).GroupBy(c => c.Year)
            .Select(g => (Year: g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(g => g.Year).Take(FacetLength).Select(g =>
            {
                var from = new DateOnly(g.Year, 1, 1);
                var to = new DateOnly(g.Year, 12, 31);
                return new FacetValue(g.Year.ToString(CultureInfo.InvariantCulture), g.Count, first with { From = from, To = to }, filter.From == from && filter.To == to);
            }).ToList()));

        facets.Add(new Facet(FacetKey.Distribution, combinations.GroupBy(c => c.Distribution).Select(g => (g.Key, Count: g.Sum(c => c.Count)))
            .OrderBy(g => g.Key).Select(g =>
                new FacetValue(InterfaceNames.Distribution(g.Key), g.Count, first with { Distribution = g.Key }, filter.Distribution == g.Key)).ToList()));

        return facets.Where(f => f.Values.Count > 0).ToList();
    }

    private static SearchResults Empty(SearchFilter filter, IReadOnlyList<string> notices, int pageSize) =>
        new(filter, notices, 0, 1, pageSize, [], []);

}
