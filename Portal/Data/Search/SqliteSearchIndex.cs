using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Search;

/// <summary>
/// Search over the FTS5 tables of <see cref="SqliteSearchSchema"/>. User text reaches MATCH only
/// as double-quoted FTS5 strings built here, and only through parameters.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    // Column weights for bm25: a word in the title counts more than one in the body or an annex.
    private const string TextScore = "bm25(SearchText, 4.0, 1.0, 0.6)";
    private const string CjkRestriction = " AND t.rowid IN (SELECT rowid FROM SearchCjk WHERE SearchCjk MATCH $cjk)";

    public async Task<bool> CollectHitsAsync(PortalDbContext db, IReadOnlyList<SearchTerm> terms, string? language,
        IReadOnlyCollection<int>? versionIds, int limit, CancellationToken cancellationToken)
    {
        var substrings = terms.Where(t => t.Kind == SearchTermKind.Substring).Select(t => t.Text).ToList();
        var cjk = terms.Where(t => t.Kind == SearchTermKind.ShortCjk).Select(t => t.Text).ToList();
        var text = new SqliteParameter("$text", MatchExpression(substrings, prefix: false));
        var shortCjk = new SqliteParameter("$cjk", CjkExpression(cjk));
        var languageParameter = new SqliteParameter("$language", (object?)language ?? DBNull.Value);
        var limitParameter = new SqliteParameter("$limit", limit);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TEMP TABLE IF NOT EXISTS SearchHits (DocumentId INTEGER PRIMARY KEY, VersionId INTEGER NOT NULL, Score REAL NOT NULL);
            CREATE TEMP TABLE IF NOT EXISTS SearchMatches (VersionId INTEGER PRIMARY KEY, DocumentId INTEGER NOT NULL, InTitle INTEGER NOT NULL DEFAULT 0);
            CREATE TEMP TABLE IF NOT EXISTS SearchCandidates (VersionId INTEGER PRIMARY KEY);
            DELETE FROM temp.SearchHits; DELETE FROM temp.SearchMatches; DELETE FROM temp.SearchCandidates;
            """, cancellationToken);

        // Which language versions hold every term. The composed SQL holds only fixed text; user input
        // travels in the parameters. Two plans, both bounded whatever the size of the corpus:
        //  - candidates given (a filtered search): each candidate version is looked up in the index by rowid;
        //  - otherwise the index is read newest first and stops after $limit versions.
        string matches;
        if (versionIds is not null)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO temp.SearchCandidates (VersionId) SELECT value FROM json_each($ids)",
                [new SqliteParameter("$ids", "[" + string.Join(',', versionIds) + "]")], cancellationToken);
            // CROSS JOIN keeps the candidates as the outer loop, so FTS5 gets "rowid = ?" with every MATCH.
            matches = substrings.Count > 0
                ? "SELECT t.rowid AS VersionId, t.DocumentId AS DocumentId FROM temp.SearchCandidates c CROSS JOIN SearchText t WHERE t.rowid = c.VersionId AND SearchText MATCH $text"
                    + (cjk.Count > 0 ? " AND t.rowid IN (SELECT c2.VersionId FROM temp.SearchCandidates c2 CROSS JOIN SearchCjk k WHERE k.rowid = c2.VersionId AND SearchCjk MATCH $cjk)" : "")
                : "SELECT k.rowid AS VersionId, v.DocumentId AS DocumentId FROM temp.SearchCandidates c CROSS JOIN SearchCjk k JOIN LanguageVersions v ON v.Id = k.rowid WHERE k.rowid = c.VersionId AND SearchCjk MATCH $cjk";
        }
        else
        {
            matches = substrings.Count > 0
                ? "SELECT t.rowid AS VersionId, t.DocumentId AS DocumentId FROM SearchText t WHERE SearchText MATCH $text AND ($language IS NULL OR t.Language = $language)"
                    + (cjk.Count > 0 ? CjkRestriction : "")
                    + " ORDER BY t.rowid DESC LIMIT $limit"
                : "SELECT k.rowid AS VersionId, v.DocumentId AS DocumentId FROM SearchCjk k JOIN LanguageVersions v ON v.Id = k.rowid WHERE SearchCjk MATCH $cjk AND ($language IS NULL OR v.Language = $language) ORDER BY k.rowid DESC LIMIT $limit";
        }
        var insertMatches = $"INSERT INTO temp.SearchMatches (VersionId, DocumentId) {matches}";
        var found = await db.Database.ExecuteSqlRawAsync(insertMatches,
            [text, shortCjk, languageParameter, limitParameter], cancellationToken);
        var truncated = versionIds is null && found >= limit;

        if (versionIds is null && !truncated && substrings.Count > 0)
        {
            // Few enough matches to rank them all by bm25 (which counts every match of every term in the
            // whole index, so it is only affordable when the terms are rare). min() with bare columns
            // takes VersionId from the row holding the best score.
            var ranked = $"""
                WITH m AS MATERIALIZED (SELECT t.DocumentId AS DocumentId, t.rowid AS VersionId, {TextScore} AS Score
                    FROM SearchText t WHERE SearchText MATCH $text AND ($language IS NULL OR t.Language = $language){(cjk.Count > 0 ? CjkRestriction : "")})
                INSERT INTO temp.SearchHits (DocumentId, VersionId, Score) SELECT DocumentId, VersionId, min(Score) FROM m GROUP BY DocumentId
                """;
            await db.Database.ExecuteSqlRawAsync(ranked, [text, shortCjk, languageParameter], cancellationToken);
            return false;
        }
        if (versionIds is null && !truncated)
        {
            // Only one- and two-character Chinese terms, and few matches: bm25 over the bigram index.
            await db.Database.ExecuteSqlRawAsync("""
                WITH m AS MATERIALIZED (SELECT k.rowid AS VersionId, bm25(SearchCjk) AS Score FROM SearchCjk k WHERE SearchCjk MATCH $cjk)
                INSERT INTO temp.SearchHits (DocumentId, VersionId, Score)
                    SELECT s.DocumentId, s.VersionId, min(m.Score) FROM m JOIN temp.SearchMatches s ON s.VersionId = m.VersionId GROUP BY s.DocumentId
                """, [shortCjk], cancellationToken);
            return false;
        }

        // Otherwise: versions with a term in the title first, then the newest. The score stays "lower is
        // better": 0 or 1 for the title, minus a fraction that grows with the version id.
        if (substrings.Count > 0)
        {
            var title = new SqliteParameter("$title", "Title : (" + text.Value + ")");
            // One pass over the same rowid range as the matches (FTS5 takes rowid bounds), not one lookup per match.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE temp.SearchMatches SET InTitle = 1 WHERE VersionId IN (
                    SELECT rowid FROM SearchText WHERE SearchText MATCH $title
                        AND rowid >= (SELECT min(VersionId) FROM temp.SearchMatches) AND rowid <= (SELECT max(VersionId) FROM temp.SearchMatches))
                """, [title], cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO temp.SearchHits (DocumentId, VersionId, Score)
                SELECT DocumentId, VersionId, min((1 - InTitle) - VersionId * 1e-10) FROM temp.SearchMatches GROUP BY DocumentId
            """, cancellationToken);
        return truncated;
    }

    public async Task ReleaseHitsAsync(PortalDbContext db)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM temp.SearchHits; DELETE FROM temp.SearchMatches; DELETE FROM temp.SearchCandidates;");
        }
    }

    public async Task<IReadOnlyList<IndexedText>> ReadTextsAsync(PortalDbContext db, IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken)
    {
        if (versionIds.Count == 0)
        {
            return [];
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid, Language, Title, Body, Extra FROM SearchText WHERE rowid IN ({string.Join(',', versionIds)})";
        var texts = new List<IndexedText>(versionIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(new IndexedText(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return texts;
    }

    /// <summary>Every term as an FTS5 string (embedded quotes doubled); juxtaposed strings mean AND.</summary>
    internal static string MatchExpression(IEnumerable<string> terms, bool prefix)
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

    // A two-character term is one bigram token; a single character is the prefix of the bigrams it starts.
    private static string CjkExpression(IEnumerable<string> terms) =>
        string.Join(' ', terms.Select(t => MatchExpression([t], prefix: t.Length == 1)));
}
