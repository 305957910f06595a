namespace Portal.Data.Search;

/// <summary>
/// The full-text index of a database provider. SQLite uses FTS5 (<see cref="SqliteSearchIndex"/>);
/// a PostgreSQL implementation would use its own full-text and trigram indexes behind the same
/// three calls. The access rules and facets stay in LINQ, shared by every provider.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Fills <see cref="PortalDbContext.SearchHits"/> on the context's (now open) connection with one
    /// row per document that has a language version containing every term, limited to
    /// <paramref name="language"/> when given. With <paramref name="versionIds"/>, only those language
    /// versions are looked at (a filtered search, all of them checked); without, the newest matches are
    /// taken up to <paramref name="limit"/> language versions. Returns whether that limit cut the matches
    /// short. Visibility is not applied here.
    /// </summary>
    Task<bool> CollectHitsAsync(PortalDbContext db, IReadOnlyList<SearchTerm> terms, string? language,
        IReadOnlyCollection<int>? versionIds, int limit, CancellationToken cancellationToken);

    /// <summary>Empties the hit table so a pooled connection carries nothing into the next search.</summary>
    Task ReleaseHitsAsync(PortalDbContext db);

    /// <summary>The indexed text of the given language versions, for snippets.</summary>
    Task<IReadOnlyList<IndexedText>> ReadTextsAsync(PortalDbContext db, IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken);
}
