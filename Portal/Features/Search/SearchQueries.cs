using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Infrastructure;

namespace Portal.Features.Search;

public sealed class SearchQueries(IDbContextFactory<PortalDbContext> contextFactory, ISearchIndex index, DocumentQueries documents)
{
    private const int FacetLength = 12;

    /// <summary>
    /// How many matching language versions a search reads from the index, newest first. It bounds the
    /// work (ranking, counting, facets) whatever the size of the corpus; beyond it the counts say "at least".
    /// </summary>
    public int MaxMatchedVersions { get; init; } = PortalOptions.DefaultSearchMatchLimit;

    /// <summary>Up to this many documents, a filtered search checks each one the filters allow.</summary>
    public int MaxFilteredDocuments { get; init; } = 2_000;

    /// <summary>
    /// Runs a search: a symbol goes straight to its document (<see cref="SearchResults.RedirectUrl"/>);
    /// other text is looked up in the full-text index, then filtered, counted per facet, ranked and
    /// paged through the same access rules as every list, so nothing the viewer may not see is
    /// counted, shown or quoted.
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
                notices.Add("Type a word of three letters or more, a Chinese word, or a document symbol such as A/75/778.");
            }
            return Empty(filter, notices, pageSize) with { UnknownSymbol = unknownSymbol, Blank = input.Text.Length == 0 };
        }

        await using var db = contextFactory.CreateDbContext();
        try
        {
            // A filtered search looks only at the documents the filters and access rules allow, when
            // they are few enough to check one by one; then every match among them is found.
            IReadOnlyCollection<int>? versionIds = null;
            var filtersTooWide = false;
            if (filter.HasDocumentFilters)
            {
                var candidates = await Filtered(Narrowest(db, filter).Where(DocumentAccess.VisibleTo(viewer)), filter)
                    .OrderByDescending(d => d.Id).Select(d => d.Id).Take(MaxFilteredDocuments + 1).ToListAsync(cancellationToken);
                if (candidates.Count <= MaxFilteredDocuments)
                {
                    versionIds = await db.LanguageVersions.AsNoTracking()
                        .Where(v => candidates.Contains(v.DocumentId) && (filter.Language == null || v.Language == filter.Language))
                        .Select(v => v.Id).ToListAsync(cancellationToken);
                }
                else
                {
                    filtersTooWide = true;
                }
            }
            var truncated = await index.CollectHitsAsync(db, input.Terms, filter.Language, versionIds, MaxMatchedVersions, cancellationToken);
            if (truncated)
            {
                notices.Add(filtersTooWide
                    ? $"Many documents match: only the {MaxMatchedVersions:N0} most recent matching texts were counted and then filtered. Add words to the search to find older documents."
                    : $"Many documents match: the most recent ones are shown and counted (up to {MaxMatchedVersions:N0} matching texts). Add words or filters to narrow the search.");
            }
            return await ReadResultsAsync(db, filter, input, notices, pageSize, viewer, cancellationToken) with { UnknownSymbol = unknownSymbol, Truncated = truncated };
        }
        finally
        {
            await index.ReleaseHitsAsync(db);
        }
    }

    private async Task<SearchResults> ReadResultsAsync(PortalDbContext db, SearchFilter filter, SearchInput input, List<string> notices,
        int pageSize, Viewer viewer, CancellationToken cancellationToken)
    {
        // The hits are few (the index bounds them), so they are read once and every query below starts
        // from their ids: SQLite seeks those rows by key instead of planning from the big tables, where a
        // join with a temporary table it has no statistics for can lead it to read every document.
        var hits = await db.SearchHits.AsNoTracking().Select(h => new { h.DocumentId, h.VersionId, h.Score }).ToListAsync(cancellationToken);
        var hitIds = hits.Select(h => h.DocumentId).ToList();
        var documents = await Filtered(db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(viewer)), filter)
            .Where(d => hitIds.Contains(d.Id))
            .Select(d => new FoundDocument(d.Id, d.Kind, d.Sender, d.Distribution, d.ListedOn))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var matched = hits.Where(h => documents.ContainsKey(h.DocumentId)).OrderBy(h => h.Score).ThenBy(h => h.DocumentId).ToList();

        var total = matched.Count;
        var page = Paging.ClampPage(filter.Page, total, pageSize);
        var pageHits = matched.Skip((page - 1) * pageSize).Take(pageSize).ToList();

        var ids = pageHits.Select(h => h.DocumentId).ToList();
        var rows = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(DocumentRow.Projection)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var texts = (await index.ReadTextsAsync(db, pageHits.Select(h => h.VersionId).ToList(), cancellationToken)).ToDictionary(t => t.VersionId);
        var items = pageHits
            .Where(h => rows.ContainsKey(h.DocumentId) && texts.ContainsKey(h.VersionId))
            .Select(h =>
            {
                var text = texts[h.VersionId];
                var row = rows[h.DocumentId];
                var title = row.Versions.FirstOrDefault(v => v.Language == text.Language)?.Title ?? row.Title;
                return new SearchResultItem(row, text.Language, title, SnippetBuilder.Build(text, input.Terms));
            })
            .ToList();

        var facets = total == 0 ? [] : await FacetsAsync(db, matched.Select(h => documents[h.DocumentId]).ToList(), filter, cancellationToken);
        return new SearchResults(filter, notices, total, page, pageSize, items, facets);
    }

    /// <summary>
    /// The documents to start a filtered search from: those of the agenda item or session when one is
    /// chosen, found through the link tables' indexes ("Id IN (...)" lets SQLite seek by primary key),
    /// rather than every document tested one by one.
    /// </summary>
    private static IQueryable<Document> Narrowest(PortalDbContext db, SearchFilter filter)
    {
        var documents = db.Documents.AsNoTracking();
        if (filter.AgendaItem is { } item)
        {
            var ids = db.DocumentAgendaItems.Where(l => l.AgendaItem.Number == item.Number
                && l.AgendaItem.Session.Organ == item.Organ && l.AgendaItem.Session.Number == item.Session).Select(l => l.DocumentId);
            return documents.Where(d => ids.Contains(d.Id));
        }
        if (filter.Session is { } session)
        {
            var ids = db.DocumentSessions.Where(l => l.Session.Organ == session.Organ && l.Session.Number == session.Number).Select(l => l.DocumentId);
            return documents.Where(d => ids.Contains(d.Id));
        }
        return documents;
    }

    private static IQueryable<Document> Filtered(IQueryable<Document> documents, SearchFilter filter)
    {
        if (filter.Session is { } session)
        {
            documents = documents.Where(d => d.Sessions.Any(s => s.Session.Organ == session.Organ && s.Session.Number == session.Number));
        }
        if (filter.AgendaItem is { } item)
        {
            documents = documents.Where(d => d.AgendaItems.Any(a => a.AgendaItem.Number == item.Number
                && a.AgendaItem.Session.Organ == item.Organ && a.AgendaItem.Session.Number == item.Session));
        }
        if (filter.Organ is { } organ)
        {
            documents = documents.Where(d => d.Sessions.Any(s => s.Session.Organ == organ));
        }
        if (filter.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }
        if (filter.Sender is { } sender)
        {
            documents = documents.Where(d => d.Sender == sender);
        }
        if (filter.From is { } from)
        {
            documents = documents.Where(d => d.ListedOn >= from);
        }
        if (filter.To is { } to)
        {
            documents = documents.Where(d => d.ListedOn <= to);
        }
        if (filter.Distribution is { } distribution)
        {
            documents = documents.Where(d => d.Distribution == distribution);
        }
        return documents;
    }

    /// <summary>Counts per facet over the documents found (all of them visible to the viewer).</summary>
    private static async Task<IReadOnlyList<Facet>> FacetsAsync(PortalDbContext db, List<FoundDocument> found, SearchFilter filter, CancellationToken cancellationToken)
    {
        var facets = new List<Facet>();
        var first = filter with { Page = 1 };
        var ids = found.Select(d => d.Id).ToList();

        var sessionLinks = await db.DocumentSessions.AsNoTracking()
            .Where(l => ids.Contains(l.DocumentId))
            .Select(l => new { l.DocumentId, l.Session.Organ, l.Session.Number })
            .ToListAsync(cancellationToken);
        var sessions = sessionLinks.GroupBy(l => new SessionKey(l.Organ, l.Number))
            .Select(g => new { Key = g.Key, Count = g.Select(l => l.DocumentId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Key.Number).Take(FacetLength);
        facets.Add(new Facet(FacetKey.Session, sessions.Select(s =>
            new FacetValue(s.Key.Label, s.Count, first with { Session = s.Key }, filter.Session == s.Key)).ToList()));

        var itemLinks = await db.DocumentAgendaItems.AsNoTracking()
            .Where(l => ids.Contains(l.DocumentId))
            .Select(l => new { l.DocumentId, l.AgendaItemId })
            .ToListAsync(cancellationToken);
        var items = itemLinks.GroupBy(l => l.AgendaItemId)
            .Select(g => new { AgendaItemId = g.Key, Count = g.Select(l => l.DocumentId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.AgendaItemId).Take(FacetLength).ToList();
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
            var label = $"{SessionNames.Label(name.Organ, name.Session)}, item {name.Number}: {name.Title}";
            return new FacetValue(label, i.Count, first with { AgendaItem = key }, filter.AgendaItem == key);
        }).ToList()));

        var organs = new List<FacetValue>();
        foreach (var organ in Enum.GetValues<Organ>())
        {
            var count = sessionLinks.Where(l => l.Organ == organ).Select(l => l.DocumentId).Distinct().Count();
            if (count > 0)
            {
                organs.Add(new FacetValue(SessionNames.OrganName(organ), count, first with { Organ = organ }, filter.Organ == organ));
            }
        }
        facets.Add(new Facet(FacetKey.Organ, organs));

        facets.Add(new Facet(FacetKey.Kind, found.GroupBy(d => d.Kind).OrderByDescending(g => g.Count()).Select(g =>
            new FacetValue(DocumentKindNames.Plural(g.Key), g.Count(), first with { Kind = g.Key }, filter.Kind == g.Key)).ToList()));

        facets.Add(new Facet(FacetKey.Sender, found.Where(d => d.Sender != null).GroupBy(d => d.Sender!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(FacetLength)
            .Select(g => new FacetValue(g.Key, g.Count(), first with { Sender = g.Key }, filter.Sender == g.Key)).ToList()));

        var languages = await db.LanguageVersions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId))
            .Select(v => v.Language)
            .ToListAsync(cancellationToken);
        facets.Add(new Facet(FacetKey.Language, languages.GroupBy(l => l).OrderBy(g => UnLanguage.OrderOf(g.Key)).Select(g =>
        {
            var info = UnLanguage.TryParse(g.Key, out var parsed) ? parsed : null;
            return new FacetValue(info?.NativeName ?? g.Key, g.Count(), first with { Language = g.Key }, filter.Language == g.Key, g.Key);
        }).ToList()));

        facets.Add(new Facet(FacetKey.Year, found.Where(d => d.ListedOn > DateOnly.MinValue).GroupBy(d => d.ListedOn.Year)
            .OrderByDescending(g => g.Key).Take(FacetLength).Select(g =>
            {
                var from = new DateOnly(g.Key, 1, 1);
                var to = new DateOnly(g.Key, 12, 31);
                return new FacetValue(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count(), first with { From = from, To = to }, filter.From == from && filter.To == to);
            }).ToList()));

        facets.Add(new Facet(FacetKey.Distribution, found.GroupBy(d => d.Distribution).OrderBy(g => g.Key).Select(g =>
            new FacetValue(g.Key.ToString(), g.Count(), first with { Distribution = g.Key }, filter.Distribution == g.Key)).ToList()));

        return facets.Where(f => f.Values.Count > 0).ToList();
    }

    private static SearchResults Empty(SearchFilter filter, IReadOnlyList<string> notices, int pageSize) =>
        new(filter, notices, 0, 1, pageSize, [], []);

    private sealed record FoundDocument(int Id, DocumentKind Kind, string? Sender, Distribution Distribution, DateOnly ListedOn);
}
