using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Search;

/// <summary>
/// Search over the FTS5 tables of <see cref="SqliteSearchSchema"/>, one plan per kind of search, each
/// bounded whatever the size of the corpus and each a handful of reads on a connection of its own (no
/// temporary tables, nothing left behind). User text reaches MATCH only as double-quoted FTS5 strings
/// built here, and only through parameters; the composed SQL holds only fixed text.
/// </summary>
public sealed class SqliteSearchIndex(IDbContextFactory<PortalDbContext> contextFactory) : ISearchIndex
{
    // Column weights for bm25: a word in the title counts more than one in the body or an annex.
    private const string TextScore = "bm25(SearchText, 4.0, 1.0, 0.6)";
    private const string CjkRestriction = " AND t.rowid IN (SELECT rowid FROM SearchCjk WHERE SearchCjk MATCH $cjk)";

    /// <summary>Up to this many documents, a filtered search checks each one the filters allow.</summary>
    public int MaxFilteredDocuments { get; init; } = 2_000;

    public async Task<SearchHits> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var match = Match.From(request.Terms);
        if (match.IsEmpty)
        {
            return SearchHits.None;
        }
        await using var db = contextFactory.CreateDbContext();
        if (request.Scope.HasDocumentFilters)
        {
            var candidates = await request.AllowedDocuments(db)
                .OrderByDescending(d => d.Id).Select(d => d.Id).Take(MaxFilteredDocuments + 1).ToListAsync(cancellationToken);
            if (candidates.Count <= MaxFilteredDocuments)
            {
                return await SearchCandidatesAsync(db, match, request, candidates, cancellationToken);
            }
        }
        return await SearchNewestAsync(db, match, request, cancellationToken);
    }

    /// <summary>
    /// A filtered search whose filters leave few documents: each of their language versions is looked up
    /// in the index by rowid, so every match among them is found and the total is exact.
    /// </summary>
    private static async Task<SearchHits> SearchCandidatesAsync(PortalDbContext db, Match match, SearchRequest request,
        List<int> candidates, CancellationToken cancellationToken)
    {
        var language = request.Scope.Language;
        var versionIds = await db.LanguageVersions.AsNoTracking()
            .Where(v => candidates.Contains(v.DocumentId) && (language == null || v.Language == language))
            .Select(v => v.Id).ToListAsync(cancellationToken);
        if (versionIds.Count == 0)
        {
            return SearchHits.None;
        }
        // CROSS JOIN keeps the candidates as the outer loop, so FTS5 gets "rowid = ?" with every MATCH.
        var sql = match.Text is not null
            ? "SELECT t.rowid, t.DocumentId, t.Language FROM json_each($ids) c CROSS JOIN SearchText t WHERE t.rowid = c.value AND SearchText MATCH $text"
                + (match.Cjk is not null ? " AND t.rowid IN (SELECT c2.value FROM json_each($ids) c2 CROSS JOIN SearchCjk k WHERE k.rowid = c2.value AND SearchCjk MATCH $cjk)" : "")
            : "SELECT k.rowid, v.DocumentId, v.Language FROM json_each($ids) c CROSS JOIN SearchCjk k JOIN LanguageVersions v ON v.Id = k.rowid WHERE k.rowid = c.value AND SearchCjk MATCH $cjk";
        var matches = await ReadMatchesAsync(db, sql, match.Parameters(("$ids", "[" + string.Join(',', versionIds) + "]")), cancellationToken);
        return SearchHits.Complete(await RankTitleThenNewestAsync(db, match, matches, cancellationToken));
    }

    /// <summary>
    /// Text alone, or filters too wide to check document by document: the index is read newest first and
    /// stops after the request's limit of language versions; the filters and the viewer's access are then
    /// applied to what was read. Below the limit every match is ranked by bm25.
    /// </summary>
    private static async Task<SearchHits> SearchNewestAsync(PortalDbContext db, Match match, SearchRequest request, CancellationToken cancellationToken)
    {
        var sql = match.Text is not null
            ? "SELECT t.rowid, t.DocumentId, t.Language FROM SearchText t WHERE SearchText MATCH $text AND ($language IS NULL OR t.Language = $language)"
                + (match.Cjk is not null ? CjkRestriction : "")
                + " ORDER BY t.rowid DESC LIMIT $limit"
            : "SELECT k.rowid, v.DocumentId, v.Language FROM SearchCjk k JOIN LanguageVersions v ON v.Id = k.rowid WHERE SearchCjk MATCH $cjk AND ($language IS NULL OR v.Language = $language) ORDER BY k.rowid DESC LIMIT $limit";
        var matches = await ReadMatchesAsync(db, sql, match.Parameters(("$language", request.Scope.Language), ("$limit", request.Limit)), cancellationToken);
        var truncated = matches.Count >= request.Limit;

        var ranked = truncated ? await RankTitleThenNewestAsync(db, match, matches, cancellationToken)
            : match.Text is not null ? await RankTextByBm25Async(db, match, request.Scope.Language, cancellationToken)
            : await RankCjkByBm25Async(db, match, matches, cancellationToken);

        var ids = ranked.Select(h => h.DocumentId).ToList();
        var allowed = (await request.AllowedDocuments(db).Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var hits = ranked.Where(h => allowed.Contains(h.DocumentId)).ToList();
        return new SearchHits(hits, truncated, hits.Count, TotalIsExact: !truncated);
    }

    /// <summary>
    /// Few enough matches to rank them all by bm25 (which counts every match of every term in the whole
    /// index, so it is only affordable when the terms are rare). min() with bare columns takes the version
    /// from the row holding the best score.
    /// </summary>
    private static async Task<List<SearchHit>> RankTextByBm25Async(PortalDbContext db, Match match, string? language, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH m AS MATERIALIZED (SELECT t.DocumentId AS DocumentId, t.rowid AS VersionId, t.Language AS Language, {TextScore} AS Score
                FROM SearchText t WHERE SearchText MATCH $text AND ($language IS NULL OR t.Language = $language){(match.Cjk is not null ? CjkRestriction : "")})
            SELECT VersionId, DocumentId, Language, min(Score) FROM m GROUP BY DocumentId
            """;
        var hits = await ReadAsync(db, sql, match.Parameters(("$language", language)),
            r => new SearchHit(r.GetInt32(1), r.GetInt32(0), r.GetString(2), -r.GetDouble(3)), cancellationToken);
        return Ordered(hits);
    }

    /// <summary>Only one- and two-character Chinese terms, and few matches: bm25 over the bigram index.</summary>
    private static async Task<List<SearchHit>> RankCjkByBm25Async(PortalDbContext db, Match match, List<IndexMatch> matches, CancellationToken cancellationToken)
    {
        var scores = (await ReadAsync(db, "SELECT rowid, bm25(SearchCjk) FROM SearchCjk WHERE SearchCjk MATCH $cjk", match.Parameters(),
            r => (VersionId: r.GetInt32(0), Score: r.GetDouble(1)), cancellationToken)).ToDictionary(s => s.VersionId, s => s.Score);
        return BestPerDocument(matches.Where(m => scores.ContainsKey(m.VersionId)), m => scores[m.VersionId]);
    }

    /// <summary>
    /// Too many matches for bm25: versions with a term in the title first, then the newest. One pass over
    /// the matches' rowid range (FTS5 takes rowid bounds), not one lookup per match.
    /// </summary>
    private static async Task<List<SearchHit>> RankTitleThenNewestAsync(PortalDbContext db, Match match, List<IndexMatch> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
        {
            return [];
        }
        var inTitle = new HashSet<int>();
        if (match.Text is not null)
        {
            inTitle = (await ReadAsync(db, "SELECT rowid FROM SearchText WHERE SearchText MATCH $title AND rowid >= $min AND rowid <= $max",
                [("$title", "Title : (" + match.Text + ")"), ("$min", matches.Min(m => m.VersionId)), ("$max", matches.Max(m => m.VersionId))],
                r => r.GetInt32(0), cancellationToken)).ToHashSet();
        }
        // "Lower is better", as bm25 gives it: 0 or 1 for the title, minus a fraction that grows with the version id.
        return BestPerDocument(matches, m => (inTitle.Contains(m.VersionId) ? 0 : 1) - m.VersionId * 1e-10);
    }

    private static List<SearchHit> BestPerDocument(IEnumerable<IndexMatch> matches, Func<IndexMatch, double> score) =>
        Ordered(matches.GroupBy(m => m.DocumentId).Select(g =>
        {
            var best = g.MinBy(score)!;
            return new SearchHit(best.DocumentId, best.VersionId, best.Language, -score(best));
        }));

    private static List<SearchHit> Ordered(IEnumerable<SearchHit> hits) =>
        hits.OrderByDescending(h => h.Rank).ThenBy(h => h.DocumentId).ToList();

    public async Task<IReadOnlyList<IndexedText>> ReadTextsAsync(IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken)
    {
        if (versionIds.Count == 0)
        {
            return [];
        }
        await using var db = contextFactory.CreateDbContext();
        return await ReadAsync(db, $"SELECT rowid, Language, Title, Body, Extra FROM SearchText WHERE rowid IN ({string.Join(',', versionIds)})", [],
            r => new IndexedText(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);
    }

    private static Task<List<IndexMatch>> ReadMatchesAsync(PortalDbContext db, string sql, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, parameters, r => new IndexMatch(r.GetInt32(0), r.GetInt32(1), r.GetString(2)), cancellationToken);

    private static async Task<List<T>> ReadAsync<T>(PortalDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>Every term as an FTS5 string (embedded quotes doubled); juxtaposed strings mean AND.</summary>
    private static string MatchExpression(IEnumerable<string> terms, bool prefix)
    {
        var builder = new StringBuilder();
        foreach (var term in terms)
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append('"').Append(term.Replace("\"", "\"\"")).Append('"');
            if (prefix)
            {
                builder.Append('*');
            }
        }
        return builder.ToString();
    }

    /// <summary>A language version holding every term, as the index gives it.</summary>
    private sealed record IndexMatch(int VersionId, int DocumentId, string Language);

    /// <summary>The terms as MATCH expressions: three characters or more for the trigram table, shorter Chinese for the bigram one.</summary>
    private sealed record Match(string? Text, string? Cjk)
    {
        public bool IsEmpty => Text is null && Cjk is null;

        public static Match From(IReadOnlyList<SearchTerm> terms)
        {
            var substrings = terms.Where(t => t.Kind == SearchTermKind.Substring).Select(t => t.Text).ToList();
            var cjk = terms.Where(t => t.Kind == SearchTermKind.ShortCjk).Select(t => t.Text).ToList();
            return new Match(
                substrings.Count > 0 ? MatchExpression(substrings, prefix: false) : null,
                // A two-character term is one bigram token; a single character is the prefix of the bigrams it starts.
                cjk.Count > 0 ? string.Join(' ', cjk.Select(t => MatchExpression([t], prefix: t.Length == 1))) : null);
        }

        public IEnumerable<(string, object?)> Parameters(params (string, object?)[] more) =>
            [("$text", Text), ("$cjk", Cjk), .. more];
    }
}
