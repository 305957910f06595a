using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Domain;
using Portal.Features.Documents;
using Portal.Features.Sessions;
using Portal.Infrastructure;
using Portal.Localization;

namespace Portal.Features.Search;

public sealed class SearchQueries(IDbContextFactory<PortalDbContext> contextFactory, ISearchIndex index, DocumentQueries documents,
    FacetFacts facetFacts, SessionQueries sessionQueries)
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
        // The index may have gone on counting the matches beyond those it read while this page was read.
        var total = await hits.Total;
        if (hits.Truncated)
        {
            notices.Add(TruncationNotice(total));
        }
        return new SearchResults(filter, notices, total.Count, page, pageSize, items, facets, Truncated: hits.Truncated,
            TotalIsExact: total.IsExact, RankedCount: hits.Hits.Count)
        { TotalIsEstimate = total.IsEstimate };
    }

    /// <summary>What a search that read only the newest <see cref="MaxMatchedVersions"/> matches says about its total, ranking and facets.</summary>
    private string TruncationNotice(SearchTotal total)
    {
        var limit = MaxMatchedVersions.ToString("N0", CultureInfo.CurrentCulture);
        return total switch
        {
            // Too many matches to count at the speed of a page: the index estimated their number from a sample.
            { IsEstimate: true } => InterfaceText.Format("NoticeManyMatchesEstimated", limit),
            // Every match was counted in the index; the ranking and the facets cover the newest matches read.
            { IsExact: true } => InterfaceText.Format("NoticeManyMatchesRanked", limit),
            // An engine that stops counting at the limit (PostgreSQL) applies the filters and the access rule in
            // the same statement, so what it counted are the newest matches that pass them.
            _ => InterfaceText.Format("NoticeManyMatches", limit),
        };
    }

    /// <summary>
    /// Counts per facet over the documents found (all of them visible to the viewer), from the catalogue
    /// rather than the index: every engine returns document ids, and the labels live in the database.
    /// Each document's facts come from <see cref="FacetFacts"/> and are counted here; only the labels of the
    /// agenda items shown are read after them.
    /// </summary>
    private async Task<IReadOnlyList<Facet>> FacetsAsync(List<int> ids, SearchFilter filter, CancellationToken cancellationToken)
    {
        var found = await facetFacts.ReadAsync(ids, cancellationToken);
        var sessions = (await sessionQueries.ListNamesAsync(cancellationToken)).ToDictionary(s => s.Id, s => new SessionKey(s.Organ, s.Number));
        var sessionCounts = found.SelectMany(d => d.SessionIds.Where(sessions.ContainsKey)).CountBy(id => id);
        var topItems = found.SelectMany(d => d.AgendaItemIds).CountBy(id => id)
            .OrderByDescending(i => i.Value).ThenBy(i => i.Key).Take(FacetLength).ToList();
        var itemIds = topItems.Select(i => i.Key).ToList();
        await using var db = contextFactory.CreateDbContext();
        var itemNames = await db.AgendaItems.AsNoTracking()
            .Where(a => itemIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Session.Organ,
                Session = a.Session.Number,
                a.Number,
                Titles = a.Titles.Select(t => new VersionTitle(t.Language, t.Title)).ToList(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var first = filter with { Page = 1 };
        var interfaceLanguage = InterfaceLanguage.Current.Code;
        // Each document once per organ, through one set of (document, organ) pairs rather than a set per document.
        var organs = found.SelectMany(d => d.SessionIds.Where(sessions.ContainsKey).Select(s => (d.Id, sessions[s].Organ))).Distinct()
            .CountBy(o => o.Organ).ToDictionary();
        var facets = new List<Facet>
        {
            new(FacetKey.Session, sessionCounts
                .Select(s => (Key: sessions[s.Key], Count: s.Value))
                .OrderByDescending(s => s.Count).ThenByDescending(s => s.Key.Number).Take(FacetLength)
                .Select(s => new FacetValue(s.Key.Label, s.Count, first with { Session = s.Key }, filter.Session == s.Key)).ToList()),
            new(FacetKey.AgendaItem, topItems.Where(i => itemNames.ContainsKey(i.Key)).Select(i =>
            {
                var name = itemNames[i.Key];
                var key = new AgendaItemKey(name.Organ, name.Session, name.Number);
                // The title in the interface's language when held, else in English, marked as such inside the label.
                var title = TitlePreference.PickItem(name.Titles, interfaceLanguage) ?? new VersionTitle(interfaceLanguage, "");
                var label = LabelPart.Format(InterfaceText.Get("SessionItemTitle"), title, interfaceLanguage, SessionNames.Label(name.Organ, name.Session), name.Number);
                return new FacetValue(label.Text, i.Value, first with { AgendaItem = key }, filter.AgendaItem == key) { Part = label.Part };
            }).ToList()),
            new(FacetKey.Organ, Enum.GetValues<Organ>().Where(organs.ContainsKey).Select(organ =>
                new FacetValue(SessionNames.OrganName(organ), organs[organ], first with { Organ = organ }, filter.Organ == organ)).ToList()),
            new(FacetKey.Kind, found.CountBy(d => d.Kind)
                .OrderByDescending(g => g.Value).ThenBy(g => g.Key).Select(g =>
                    new FacetValue(InterfaceNames.Kinds(g.Key), g.Value, first with { Kind = g.Key }, filter.Kind == g.Key)).ToList()),
            new(FacetKey.Sender, found.Where(d => d.Sender != null).CountBy(d => d.Sender!)
                .OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).Take(FacetLength)
                .Select(g => new FacetValue(MemberStateNames.InLanguage(g.Key, interfaceLanguage), g.Value, first with { Sender = g.Key }, filter.Sender == g.Key,
                    MemberStateNames.LanguageOfName(g.Key, interfaceLanguage) is var named && named != interfaceLanguage ? named : null)).ToList()),
            new(FacetKey.Language, found.SelectMany(d => d.Languages).CountBy(l => l).OrderBy(g => UnLanguage.OrderOf(g.Key)).Select(g =>
            {
                var info = UnLanguage.TryParse(g.Key, out var parsed) ? parsed : null;
                return new FacetValue(info?.NativeName ?? g.Key, g.Value, first with { Language = g.Key }, filter.Language == g.Key, g.Key);
            }).ToList()),
            new(FacetKey.Year, found.Where(d => d.Year > 0).CountBy(d => d.Year)
                .OrderByDescending(g => g.Key).Take(FacetLength).Select(g =>
                {
                    var from = new DateOnly(g.Key, 1, 1);
                    var to = new DateOnly(g.Key, 12, 31);
                    return new FacetValue(g.Key.ToString(CultureInfo.InvariantCulture), g.Value, first with { From = from, To = to }, filter.From == from && filter.To == to);
                }).ToList()),
            new(FacetKey.Distribution, found.CountBy(d => d.Distribution)
                .OrderBy(g => g.Key).Select(g =>
                    new FacetValue(InterfaceNames.Distribution(g.Key), g.Value, first with { Distribution = g.Key }, filter.Distribution == g.Key)).ToList()),
        };
        return facets.Where(f => f.Values.Count > 0).ToList();
    }

    private static SearchResults Empty(SearchFilter filter, IReadOnlyList<string> notices, int pageSize) =>
        new(filter, notices, 0, 1, pageSize, [], []);

}
