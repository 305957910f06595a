using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Search;

/// <summary>What the facets count of one document: its kind, sender, distribution, year listed (0 for none), sessions, agenda items and languages.</summary>
public sealed record FacetFactsOfDocument(int Id, DocumentKind Kind, string? Sender, Distribution Distribution, int Year,
    int[] SessionIds, int[] AgendaItemIds, string[] Languages);

/// <summary>
/// The facts the facets count, per document, read from the catalogue and kept in memory. Reading them costs a search
/// several milliseconds at a million documents (a row per document, link and language version, for the 600–1,000
/// documents a search ranks); a search reads the newest matches first, so searches keep meeting the same recent
/// documents and find their facts here.
/// <para>
/// A copy is dropped as soon as its document's <see cref="Document.ChangedAt"/> says it changed (which every save
/// stamps, see <see cref="DocumentChangeStamps"/>): the changes are looked up whenever this instance has saved or been
/// told of a save (<see cref="CatalogueVersion"/>) and otherwise at most <see cref="CheckEvery"/> apart, looking back
/// <see cref="DocumentChangeStamps.LookBack"/> for changes committed after their stamp or stamped by a clock behind this one. A copy
/// older than <see cref="MaxAge"/> is read again whatever the stamps say.
/// </para>
/// </summary>
public sealed class FacetFacts(IDbContextFactory<PortalDbContext> contextFactory, CatalogueVersion catalogue, TimeProvider clock)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>The most documents kept (an estimated ~230 bytes each, ~60 MB when full); a cache that fills up starts again empty.</summary>
    public int MaxDocuments { get; init; } = 250_000;

    private readonly ConcurrentDictionary<int, (FacetFactsOfDocument Facts, DateTimeOffset ReadAt)> _kept = new();
    private readonly SemaphoreSlim _checking = new(1, 1);
    private Look? _checked;

    /// <summary>The facts of each document given that still exists.</summary>
    public async Task<IReadOnlyList<FacetFactsOfDocument>> ReadAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        await DropChangedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var facts = new List<FacetFactsOfDocument>(ids.Count);
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (_kept.TryGetValue(id, out var kept) && now - kept.ReadAt < MaxAge)
            {
                facts.Add(kept.Facts);
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count == 0)
        {
            return facts;
        }
        var read = await ReadFromCatalogueAsync(missing, cancellationToken);
        if (_kept.Count + read.Count > MaxDocuments)
        {
            _kept.Clear();
        }
        foreach (var document in read)
        {
            facts.Add(document);
            if (read.Count <= MaxDocuments)
            {
                _kept[document.Id] = (document, now);
            }
        }
        return facts;
    }

    /// <summary>Drops the copies of documents changed since the last look (less <see cref="DocumentChangeStamps.LookBack"/>), when it is time to look.</summary>
    private async Task DropChangedAsync(CancellationToken cancellationToken)
    {
        if (IsChecked(clock.GetUtcNow()))
        {
            return;
        }
        await _checking.WaitAsync(cancellationToken);
        try
        {
            var (version, now) = (catalogue.Current, clock.GetUtcNow());
            if (IsChecked(now))
            {
                return;
            }
            if (_checked is { } last)
            {
                var since = last.At - DocumentChangeStamps.LookBack;
                await using var db = contextFactory.CreateDbContext();
                foreach (var id in await db.Documents.AsNoTracking().Where(d => d.ChangedAt > since).Select(d => d.Id).ToListAsync(cancellationToken))
                {
                    _kept.TryRemove(id, out _);
                }
            }
            else
            {
                // Nothing was kept before the first look.
                _kept.Clear();
            }
            _checked = new Look(version, now);
        }
        finally
        {
            _checking.Release();
        }
    }

    private bool IsChecked(DateTimeOffset now) =>
        _checked is { } last && last.Version == catalogue.Current && now - last.At < CheckEvery;

    /// <summary>When the changes were last looked up, and the catalogue version then (a reference, so that it is read whole).</summary>
    private sealed record Look(long Version, DateTimeOffset At);

    /// <summary>Four reads by key, each a plain row per document, link or version; a deleted document is simply not found.</summary>
    private async Task<List<FacetFactsOfDocument>> ReadFromCatalogueAsync(List<int> ids, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Kind, d.Sender, d.Distribution, d.ListedOn })
            .ToListAsync(cancellationToken);
        var sessions = (await db.DocumentSessions.AsNoTracking().Where(l => ids.Contains(l.DocumentId))
            .Select(l => new { l.DocumentId, l.SessionId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.DocumentId, l => l.SessionId);
        var items = (await db.DocumentAgendaItems.AsNoTracking().Where(l => ids.Contains(l.DocumentId))
            .Select(l => new { l.DocumentId, l.AgendaItemId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.DocumentId, l => l.AgendaItemId);
        var languages = (await db.LanguageVersions.AsNoTracking().Where(v => ids.Contains(v.DocumentId))
            .Select(v => new { v.DocumentId, v.Language }).ToListAsync(cancellationToken))
            .ToLookup(v => v.DocumentId, v => string.Intern(v.Language));
        // DateOnly.MinValue stands for "no date" (PostgreSQL holds it as -infinity, which has no year).
        return documents.Select(d => new FacetFactsOfDocument(d.Id, d.Kind, d.Sender, d.Distribution, d.ListedOn > DateOnly.MinValue ? d.ListedOn.Year : 0,
                [.. sessions[d.Id].Distinct()], [.. items[d.Id].Distinct()], [.. languages[d.Id]]))
            .ToList();
    }
}
