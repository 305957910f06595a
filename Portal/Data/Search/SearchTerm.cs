namespace Portal.Data.Search;

public enum SearchTermKind
{
    /// <summary>Three characters or more: found anywhere, inside words too (trigram index).</summary>
    Substring,

    /// <summary>One or two Chinese/Japanese/Korean characters, matched against the bigram index.</summary>
    ShortCjk,
}

/// <summary>One thing every hit must contain, already folded with <see cref="SearchText.Fold"/>.</summary>
public sealed record SearchTerm(string Text, SearchTermKind Kind);

/// <summary>
/// A document found by the index: the best-ranked language version and its score (lower is
/// better, as bm25 gives it). Rows live in a table local to the database connection of one
/// search, so the facets and the page can be counted with ordinary LINQ and the access rules.
/// </summary>
public sealed class SearchHit
{
    public int DocumentId { get; set; }
    public int VersionId { get; set; }
    public double Score { get; set; }
}

/// <summary>The indexed text of a language version, as snippets are cut from.</summary>
public sealed record IndexedText(int VersionId, string Language, string Title, string Body, string Extra);
