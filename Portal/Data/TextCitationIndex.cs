using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Data.Entities;
using Portal.Infrastructure;

namespace Portal.Data;

/// <summary>
/// Keeps <see cref="TextCitation"/> true on every save that changes a text, whatever saved it (the editor, accepting
/// an ingested file, the demo seeder): a language version, annex or footnote added, changed or removed makes the
/// save rewrite its document's citations from all its texts, in the same transaction, after the texts are written.
/// <c>reindex</c> rebuilds them all (<see cref="RebuildAsync"/>) for data saved before the table existed.
/// </summary>
public sealed class TextCitationIndex
{
    private readonly HashSet<int> _documentIds = [];
    private readonly HashSet<int> _versionIds = [];
    private readonly List<LanguageVersion> _versions = [];
    private readonly List<Annex> _annexes = [];
    private readonly List<Footnote> _footnotes = [];

    /// <summary>Whether the pending changes touch a text, so the save must rewrite citations.</summary>
    public bool HasWork => _documentIds.Count + _versionIds.Count + _versions.Count + _annexes.Count + _footnotes.Count > 0;

    /// <summary>Notes the texts the pending changes touch (call after <c>DetectChanges</c>, before the save).</summary>
    public static TextCitationIndex Collect(PortalDbContext db)
    {
        var index = new TextCitationIndex();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var deleted = entry.State == EntityState.Deleted;
            switch (entry.Entity)
            {
                case LanguageVersion version when deleted:
                    index._documentIds.Add(Original(entry, nameof(LanguageVersion.DocumentId)));
                    break;
                case LanguageVersion version:
                    index._versions.Add(version);
                    break;
                case Annex or Footnote when deleted:
                    index._versionIds.Add(Original(entry, nameof(Annex.LanguageVersionId)));
                    break;
                case Annex annex:
                    index._annexes.Add(annex);
                    break;
                case Footnote footnote:
                    index._footnotes.Add(footnote);
                    break;
            }
        }
        return index;
    }

    /// <summary>After the texts are saved (ids assigned), stages the citation rows of every touched document.</summary>
    public async Task StageAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var versionIds = _versionIds.Concat(_annexes.Select(a => a.LanguageVersionId)).Concat(_footnotes.Select(f => f.LanguageVersionId)).Distinct().ToList();
        var documentIds = _documentIds.Concat(_versions.Select(v => v.DocumentId)).ToHashSet();
        if (versionIds.Count > 0)
        {
            documentIds.UnionWith(await db.LanguageVersions.Where(v => versionIds.Contains(v.Id)).Select(v => v.DocumentId).ToListAsync(cancellationToken));
        }
        await StageAsync(db, documentIds.Where(id => id > 0).ToList(), cancellationToken);
    }

    /// <summary>
    /// Rewrites every document's citations, a batch of documents per transaction, and returns how many documents
    /// it read: for data saved before the table existed, or texts written around the change tracker.
    /// </summary>
    public static async Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        const int batch = 200;
        var done = 0;
        var lastId = 0;
        while (true)
        {
            var ids = await db.Documents.AsNoTracking().Where(d => d.Id > lastId).OrderBy(d => d.Id).Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return done;
            }
            await StageAsync(db, ids, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += ids.Count;
            lastId = ids[^1];
        }
    }

    private static async Task StageAsync(PortalDbContext db, IReadOnlyList<int> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return;
        }
        var bodies = await db.LanguageVersions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId))
            .Select(v => new { v.DocumentId, Text = v.BodyMarkdown }).ToListAsync(cancellationToken);
        var annexes = await db.Annexes.AsNoTracking().Where(a => documentIds.Contains(a.LanguageVersion.DocumentId))
            .Select(a => new { a.LanguageVersion.DocumentId, Text = a.BodyMarkdown }).ToListAsync(cancellationToken);
        var footnotes = await db.Footnotes.AsNoTracking()
            .Join(db.LanguageVersions.Where(v => documentIds.Contains(v.DocumentId)), f => f.LanguageVersionId, v => v.Id, (f, v) => new { v.DocumentId, Text = f.TextMarkdown })
            .ToListAsync(cancellationToken);
        var texts = bodies.Concat(annexes).Concat(footnotes).ToList();
        var stored = await db.TextCitations.Where(c => documentIds.Contains(c.SourceDocumentId)).ToListAsync(cancellationToken);
        foreach (var documentId in documentIds)
        {
            var cited = texts.Where(t => t.DocumentId == documentId)
                .SelectMany(t => MarkdownRenderer.CitedSymbols(t.Text))
                .DistinctBy(s => s.Key)
                .ToDictionary(s => s.Key, s => s.Value);
            var mine = stored.Where(c => c.SourceDocumentId == documentId).ToList();
            db.TextCitations.RemoveRange(mine.Where(c => !cited.ContainsKey(c.TargetKey)));
            foreach (var (key, value) in cited.Where(c => !mine.Any(m => m.TargetKey == c.Key)))
            {
                db.TextCitations.Add(new TextCitation { SourceDocumentId = documentId, TargetKey = key, TargetSymbol = value });
            }
        }
    }

    private static int Original(EntityEntry entry, string property) => entry.Property(property).OriginalValue is int id ? id : 0;
}
