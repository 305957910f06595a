namespace Portal.Data.Search;

/// <summary>
/// The full-text index of a database provider, as a stateless question and answer: a
/// <see cref="SearchRequest"/> in, a bounded <see cref="SearchHits"/> out, and the indexed texts of
/// the versions shown, for snippets. SQLite answers with FTS5 (<see cref="SqliteSearchIndex"/>); another
/// engine (PostgreSQL <c>tsvector</c>, an inverted index) implements the same two calls in its own way and
/// must pass the same behaviour suite (<c>Portal.Tests/Features/Search/SearchBehaviourTests.cs</c>).
/// <para>
/// The index returns only documents the request's viewer may see and its filters allow
/// (<see cref="SearchRequest.AllowedDocuments"/> says which, through the one access rule); facets,
/// pages, document rows and snippets are made from the hits by the caller, the same for every engine.
/// </para>
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// The documents that have a language version containing every term, best first, one hit per document
    /// (its best-matching version). At most <see cref="SearchRequest.Limit"/> matches are read; an engine that
    /// stops there says so with <see cref="SearchHits.Truncated"/>.
    /// </summary>
    Task<SearchHits> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The indexed text each hit is shown with, by document id, for the hits a page shows: that of its best-matching
    /// version, or for a document found by its catalogue record alone that of the version <see cref="CatalogueMatches"/>
    /// picks; none for a document without any language version.
    /// </summary>
    Task<IReadOnlyDictionary<int, IndexedText>> ReadShownTextsAsync(IReadOnlyCollection<SearchHit> hits, CancellationToken cancellationToken);

    /// <summary>
    /// Rebuilds the index from the catalogue, a batch of documents at a time (each batch one transaction, so
    /// editing goes on meanwhile and an interrupted rebuild can simply be run again), reporting the documents done.
    /// </summary>
    Task RebuildAsync(IProgress<SearchRebuildProgress> progress, CancellationToken cancellationToken);

    /// <summary>
    /// Reads what the engine keeps in memory for its searches, so that the first search after a start does not wait for
    /// it (<see cref="SqliteSearchIndex"/>: every document's listing day and access). Called once, in the background, as
    /// the portal starts (<c>SearchWarmUp</c>); a search that arrives meanwhile waits for the same read.
    /// </summary>
    Task WarmUpAsync(CancellationToken cancellationToken);

    /// <summary>How many rows the index should hold (a row per language version and a catalogue row per document) and how many it holds: equal when it is in step.</summary>
    Task<SearchIndexState> CheckAsync(CancellationToken cancellationToken);
}

public sealed record SearchRebuildProgress(int DocumentsDone, int Documents);

/// <summary>The index beside the catalogue. The engines write the index in the transaction that changes the catalogue, so any difference is damage, not lag.</summary>
public sealed record SearchIndexState(int Expected, int Indexed)
{
    public bool InStep => Expected == Indexed;
}
