using Microsoft.EntityFrameworkCore;
using Portal.Catalogue;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Infrastructure;

namespace Portal.Features.Documents;

public sealed class DocumentQueries(IDbContextFactory<PortalDbContext> contextFactory)
{
    private const int MaxThreadEntries = 100;

    /// <summary>
    /// The id of the document that carries any of the given symbols and that the viewer may see,
    /// or null. Joint symbols resolve through whichever part the portal holds.
    /// </summary>
    public async Task<int?> ResolveAsync(IReadOnlyList<UnSymbol> symbols, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (symbols.Count == 0)
        {
            return null;
        }
        var keys = symbols.Select(s => s.Key).ToList();
        await using var db = contextFactory.CreateDbContext();
        return await db.DocumentSymbols.AsNoTracking()
            .Where(s => keys.Contains(s.Key))
            .Select(s => s.Document)
            .Where(DocumentAccess.VisibleTo(viewer))
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A document page: metadata, the requested language version (or the best one held) with its
    /// annexes, signatures and footnotes, and its references both ways. Null when the document does
    /// not exist or the viewer may not see it.
    /// </summary>
    public async Task<DocumentDetail?> GetAsync(int id, string? language, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        // One command for the facts beside the printed header and the languages held (the chosen
        // language depends on them), then the header as the version prints it.
        var facts = await PrintedDocumentQueries.Visible(db, id, viewer)
            .Select(d => new
            {
                d.Kind,
                d.Status,
                d.Sender,
                d.Addressee,
                d.CatalogTitle,
                d.OriginalLanguage,
                Languages = d.LanguageVersions.Select(v => new LanguageAvailability(v.Language, v.Title, v.ReleasedOn)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var head = facts is null ? null : await PrintedDocumentQueries.LoadHeadAsync(db, id, viewer, cancellationToken);
        if (facts is null || head is null)
        {
            return null;
        }

        var languages = facts.Languages.OrderBy(l => UnLanguage.OrderOf(l.Language)).ToList();
        var chosen = ChooseLanguage(language, facts.OriginalLanguage, languages);
        var printed = chosen is null ? null : await PrintedDocumentQueries.LoadAsync(db, id, head, chosen, cancellationToken);

        var references = await GetReferencesAsync(db, id, head.Symbols, viewer, cancellationToken);

        return new DocumentDetail(
            id, head.Symbols, facts.Kind, head.Distribution, facts.Status, head.IssuedOn, head.DatedOn, head.OriginalLanguage,
            facts.Sender, facts.Addressee, facts.CatalogTitle, head.Sessions,
            printed?.AgendaItems ?? head.Links(TitlePreference.Language),
            languages,
            chosen ?? TitlePreference.Language,
            printed?.Title ?? TitlePreference.Pick(facts.CatalogTitle, []).Title,
            printed?.BodyMarkdown ?? "",
            languages.FirstOrDefault(l => l.Language == chosen)?.ReleasedOn,
            printed?.JobNumber,
            printed?.Signatories ?? [],
            printed?.Footnotes ?? [],
            printed?.Annexes ?? [],
            references);
    }

    /// <summary>The requested language when held; else English, the original, or the first held in UN order.</summary>
    public static string? ChooseLanguage(string? requested, string? original, IReadOnlyList<LanguageAvailability> held)
    {
        bool Holds(string? code) => code is not null && held.Any(l => l.Language == code);
        if (UnLanguage.TryParse(requested, out var parsed) && Holds(parsed.Code))
        {
            return parsed.Code;
        }
        if (Holds(TitlePreference.Language))
        {
            return TitlePreference.Language;
        }
        if (Holds(original))
        {
            return original;
        }
        return held.Count == 0 ? null : held[0].Language;
    }

    private sealed record DocumentSummary(int Id, IReadOnlyList<string> Symbols, string Title, string TitleLanguage, string Name);

    private static async Task<ReferencesView> GetReferencesAsync(PortalDbContext db, int id, IReadOnlyList<string> symbols, Viewer viewer, CancellationToken cancellationToken)
    {
        var keys = symbols.Select(s => UnSymbol.KeyOf(s)).ToList();
        var outgoing = await db.CrossReferences.AsNoTracking()
            .Where(r => r.SourceDocumentId == id)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Relation, r.TargetSymbol, r.TargetKey })
            .ToListAsync(cancellationToken);
        var incoming = await CitingAsync(db, keys, id, viewer, cancellationToken);

        var targets = await ResolveKeysAsync(db, outgoing.Select(o => o.TargetKey), viewer, cancellationToken);
        var outgoingLinks = outgoing.Select(o => targets.TryGetValue(o.TargetKey, out var t)
            ? new ReferenceLink(o.Relation, o.TargetSymbol, t.Id, t.Title, SiteUrls.Document(t.Id, t.Symbols), t.Name, t.TitleLanguage)
            : new ReferenceLink(o.Relation, o.TargetSymbol, null, null, null)).ToList();
        var incomingLinks = await LinksToAsync(db, incoming, cancellationToken);

        // Most documents neither reply nor are replied to (incoming holds every visible reply): their
        // thread is empty without the two queries that walking it costs.
        var inThread = outgoing.Any(o => o.Relation == ReferenceRelation.RepliesTo) || incoming.Any(i => i.Relation == ReferenceRelation.RepliesTo);
        IReadOnlyList<ThreadEntry> thread = inThread ? await BuildThreadAsync(db, id, outgoingLinks, viewer, cancellationToken) : [];
        return new ReferencesView(outgoingLinks, incomingLinks, thread);
    }

    /// <summary>
    /// The documents the viewer may see that cite any of the symbols, for the "not held" page of a symbol: each
    /// once, with its relation (a saved reference's, else "refers to" for a mention in its text). A document the
    /// viewer may not see is not listed, whether it cites or is cited.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceLink>> ListCitingAsync(IReadOnlyList<UnSymbol> symbols, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = contextFactory.CreateDbContext();
        var citing = await CitingAsync(db, symbols.Select(s => s.Key).ToList(), null, viewer, cancellationToken);
        return await LinksToAsync(db, citing, cancellationToken);
    }

    /// <summary>
    /// Who cites the keys, among the documents the viewer may see, except <paramref name="exceptId"/>: the saved
    /// references with their relation, then the documents whose texts mention a key (<see cref="TextCitation"/>)
    /// as "refers to"; each citing document once, its saved relation first.
    /// </summary>
    private static async Task<List<(ReferenceRelation Relation, int SourceDocumentId)>> CitingAsync(PortalDbContext db, IReadOnlyList<string> keys, int? exceptId, Viewer viewer, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var visible = db.Documents.Where(DocumentAccess.VisibleTo(viewer));
        var saved = await db.CrossReferences.AsNoTracking()
            .Where(r => keys.Contains(r.TargetKey) && r.SourceDocumentId != exceptId && visible.Any(d => d.Id == r.SourceDocumentId))
            .OrderBy(r => r.SourceDocumentId)
            .Select(r => new { r.Relation, r.SourceDocumentId })
            .ToListAsync(cancellationToken);
        var mentioned = await db.TextCitations.AsNoTracking()
            .Where(c => keys.Contains(c.TargetKey) && c.SourceDocumentId != exceptId && visible.Any(d => d.Id == c.SourceDocumentId))
            .Select(c => c.SourceDocumentId).Distinct().OrderBy(x => x)
            .ToListAsync(cancellationToken);
        var citing = saved.Select(r => (r.Relation, r.SourceDocumentId)).ToList();
        citing.AddRange(mentioned.Where(m => !saved.Any(r => r.SourceDocumentId == m)).Select(m => (ReferenceRelation.RefersTo, m)));
        return citing;
    }

    private static async Task<List<ReferenceLink>> LinksToAsync(PortalDbContext db, IReadOnlyList<(ReferenceRelation Relation, int SourceDocumentId)> citing, CancellationToken cancellationToken)
    {
        var sources = await SummariesAsync(db, citing.Select(i => i.SourceDocumentId), cancellationToken);
        return citing.Select(i => (Source: sources[i.SourceDocumentId], i.Relation)).Select(i =>
            new ReferenceLink(i.Relation, i.Source.Symbols.Count == 0 ? "" : UnSymbol.Join(i.Source.Symbols), i.Source.Id, i.Source.Title, SiteUrls.Document(i.Source.Id, i.Source.Symbols), i.Source.Name, i.Source.TitleLanguage)).ToList();
    }

    /// <summary>
    /// The reply thread around a document: the chain of letters it replies to (up to the first one,
    /// which may not be held), then itself, then every reply to it, depth first.
    /// Empty when the document neither replies nor is replied to.
    /// </summary>
    private static async Task<IReadOnlyList<ThreadEntry>> BuildThreadAsync(PortalDbContext db, int id, IReadOnlyList<ReferenceLink> outgoing, Viewer viewer, CancellationToken cancellationToken)
    {
        // Walk up through "replies to" links while the target is held.
        var ancestors = new List<ThreadEntry>();
        var seen = new HashSet<int> { id };
        var up = outgoing.FirstOrDefault(o => o.Relation == ReferenceRelation.RepliesTo);
        while (up is not null && ancestors.Count < MaxThreadEntries)
        {
            ancestors.Insert(0, new ThreadEntry(0, up.Symbol, up.DocumentId, up.Title, up.Href, false, up.Name, up.TitleLanguage));
            if (up.DocumentId is not int parentId || !seen.Add(parentId))
            {
                break;
            }
            var parentRefs = await db.CrossReferences.AsNoTracking()
                .Where(r => r.SourceDocumentId == parentId && r.Relation == ReferenceRelation.RepliesTo)
                .OrderBy(r => r.Id).Select(r => new { r.TargetSymbol, r.TargetKey }).FirstOrDefaultAsync(cancellationToken);
            if (parentRefs is null)
            {
                break;
            }
            var resolved = await ResolveKeysAsync(db, [parentRefs.TargetKey], viewer, cancellationToken);
            up = resolved.TryGetValue(parentRefs.TargetKey, out var t)
                ? new ReferenceLink(ReferenceRelation.RepliesTo, parentRefs.TargetSymbol, t.Id, t.Title, SiteUrls.Document(t.Id, t.Symbols), t.Name, t.TitleLanguage)
                : new ReferenceLink(ReferenceRelation.RepliesTo, parentRefs.TargetSymbol, null, null, null);
        }

        var self = (await SummariesAsync(db, [id], cancellationToken))[id];
        var entries = ancestors.Select((a, i) => a with { Depth = i }).ToList();
        var selfDepth = entries.Count;
        entries.Add(new ThreadEntry(selfDepth, self.Symbols.Count == 0 ? "" : UnSymbol.Join(self.Symbols), id, self.Title, SiteUrls.Document(id, self.Symbols), true, self.Name, self.TitleLanguage));

        // Walk down through the replies, depth first.
        async Task AddRepliesAsync(int parentId, IReadOnlyList<string> parentSymbols, int depth)
        {
            var parentKeys = parentSymbols.Select(s => UnSymbol.KeyOf(s)).ToList();
            if (parentKeys.Count == 0)
            {
                return;
            }
            var replyIds = await db.CrossReferences.AsNoTracking()
                .Where(r => r.Relation == ReferenceRelation.RepliesTo && parentKeys.Contains(r.TargetKey))
                .Where(r => db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Any(d => d.Id == r.SourceDocumentId))
                .Select(r => r.SourceDocumentId).Distinct().OrderBy(x => x)
                .ToListAsync(cancellationToken);
            var replies = await SummariesAsync(db, replyIds, cancellationToken);
            foreach (var replyId in replyIds)
            {
                if (entries.Count >= MaxThreadEntries || !seen.Add(replyId))
                {
                    continue;
                }
                var reply = replies[replyId];
                entries.Add(new ThreadEntry(depth, reply.Symbols.Count == 0 ? "" : UnSymbol.Join(reply.Symbols), replyId, reply.Title, SiteUrls.Document(replyId, reply.Symbols), false, reply.Name, reply.TitleLanguage));
                await AddRepliesAsync(replyId, reply.Symbols, depth + 1);
            }
        }
        await AddRepliesAsync(id, self.Symbols, selfDepth + 1);

        return entries.Count == 1 ? [] : entries;
    }

    private static async Task<Dictionary<string, DocumentSummary>> ResolveKeysAsync(PortalDbContext db, IEnumerable<string> keys, Viewer viewer, CancellationToken cancellationToken)
    {
        var keyList = keys.Distinct().ToList();
        if (keyList.Count == 0)
        {
            return [];
        }
        var hits = await db.DocumentSymbols.AsNoTracking()
            .Where(s => keyList.Contains(s.Key))
            .Where(s => db.Documents.Where(DocumentAccess.VisibleTo(viewer)).Any(d => d.Id == s.DocumentId))
            .Select(s => new { s.Key, s.DocumentId })
            .ToListAsync(cancellationToken);
        var summaries = await SummariesAsync(db, hits.Select(h => h.DocumentId), cancellationToken);
        return hits.ToDictionary(h => h.Key, h => summaries[h.DocumentId]);
    }

    private static async Task<Dictionary<int, DocumentSummary>> SummariesAsync(PortalDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var idList = ids.Distinct().ToList();
        if (idList.Count == 0)
        {
            return [];
        }
        var rows = await db.Documents.AsNoTracking()
            .Where(d => idList.Contains(d.Id))
            .Select(DocumentRow.Projection)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new DocumentSummary(r.Id, r.Symbols, r.Title, r.TitleLanguage, r.Name));
    }
}
