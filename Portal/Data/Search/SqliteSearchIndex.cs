using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Infrastructure;

namespace Portal.Data.Search;

/// <summary>
/// Search over the FTS5 word index of <see cref="SqliteSearchSchema"/>: the terms, the filters and the
/// viewer's access class are one MATCH expression, so every search, filtered or not, is one read of the
/// index newest first that stops at the request's limit, one count over all matches, and no probe per
/// document. User text reaches MATCH only as double-quoted FTS5 strings built here, and only through
/// parameters; the composed SQL holds only fixed text.
/// </summary>
public sealed class SqliteSearchIndex(IDbContextFactory<PortalDbContext> contextFactory) : ISearchIndex
{
    /// <summary>How far above every other match a match of the words as one phrase is ranked (bm25 scores stay far below it).</summary>
    private const double PhraseBonus = 1_000;

    public async Task<SearchHits> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var text = TextExpression(request.Terms);
        var filters = FilterExpression(request.Scope, request.Viewer);
        if (text is null || filters is null)
        {
            return SearchHits.None;
        }
        var match = $"{{Title Body Extra}} : ({text})" + (filters.Length > 0 ? $" AND {{Tags}} : ({filters})" : "");
        await using var db = contextFactory.CreateDbContext();
        var documentRows = request.Scope.DocumentId is { } only
            ? $" AND rowid BETWEEN {only * 8L} AND {only * 8L + 7}"
            : "";

        // The newest language versions first (row ids grow with the document id), each with its bm25 score.
        var read = await ReadAsync(db,
            $"SELECT rowid, {SqliteSearchSchema.Rank} FROM SearchIndex WHERE SearchIndex MATCH $match{documentRows} ORDER BY rowid DESC LIMIT $limit",
            [("$match", match), ("$limit", request.Limit + 1)], r => (RowId: r.GetInt64(0), Score: -r.GetDouble(1)), cancellationToken);
        var truncated = read.Count > request.Limit;
        if (truncated)
        {
            read.RemoveAt(read.Count - 1);
        }
        if (read.Count == 0)
        {
            return SearchHits.None;
        }

        // Several words that also occur together, in order, come before the same words scattered.
        var phrase = PhraseExpression(request.Terms);
        var together = phrase is null ? [] : (await ReadAsync(db,
            $"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $match AND rowid BETWEEN $min AND $max",
            [("$match", $"{{Title Body Extra}} : ({phrase})" + (filters.Length > 0 ? $" AND {{Tags}} : ({filters})" : "")),
                ("$min", read[^1].RowId), ("$max", read[0].RowId)], r => r.GetInt64(0), cancellationToken)).ToHashSet();

        var best = read
            .Select(m => (m.RowId, Score: m.Score + (together.Contains(m.RowId) ? PhraseBonus : 0)))
            .GroupBy(m => SearchTags.DocumentOf(m.RowId))
            .Select(g => g.MaxBy(m => m.Score))
            .ToList();
        var ids = best.Select(m => SearchTags.DocumentOf(m.RowId)).ToList();
        // The index's access class narrows the search; the one access rule has the last word.
        var allowed = (await request.AllowedDocuments(db).Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var documentsRead = best.Count;
        best.RemoveAll(m => !allowed.Contains(SearchTags.DocumentOf(m.RowId)));
        // The language version behind each best row, sought by its document's key.
        var versions = new Dictionary<long, (int Id, string Language)>();
        foreach (var v in await ReadAsync(db,
            $"SELECT r.value, v.Id, v.Language FROM json_each($rows) r JOIN LanguageVersions v ON v.DocumentId = r.value >> 3 WHERE {SqliteSearchSchema.RowIdOf("v")} = r.value",
            [("$rows", "[" + string.Join(',', best.Select(m => m.RowId)) + "]")], r => (RowId: r.GetInt64(0), Id: r.GetInt32(1), Language: r.GetString(2)), cancellationToken))
        {
            versions.TryAdd(v.RowId, (v.Id, v.Language));
        }
        // Every language whose text matched, read from the row ids (document × 8 + language slot).
        var matchedIn = read.Where(m => allowed.Contains(SearchTags.DocumentOf(m.RowId))).OrderBy(m => m.RowId)
            .Select(m => (Document: SearchTags.DocumentOf(m.RowId), Language: SearchTags.LanguageOf(m.RowId) ?? versions.GetValueOrDefault(m.RowId).Language))
            .Where(m => m.Language is not null)
            .ToLookup(m => m.Document, m => m.Language);
        var hits = best
            .Where(m => versions.ContainsKey(m.RowId))
            .Select(m => versions[m.RowId] is var v ? new SearchHit(SearchTags.DocumentOf(m.RowId), v.Id, v.Language, m.Score) { MatchedIn = [.. matchedIn[SearchTags.DocumentOf(m.RowId)]] } : null!)
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId)
            .ToList();
        if (!truncated)
        {
            return new SearchHits(hits, false, hits.Count, TotalIsExact: true);
        }
        // Every match counted, not only those read: distinct documents from the row ids alone.
        var total = await ReadAsync(db, $"SELECT count(DISTINCT rowid >> 3) FROM SearchIndex WHERE SearchIndex MATCH $match{documentRows}",
            [("$match", match)], r => r.GetInt32(0), cancellationToken);
        return new SearchHits(hits, true, Math.Max(total[0] - (documentsRead - hits.Count), hits.Count), TotalIsExact: true);
    }

    public async Task<IReadOnlyList<IndexedText>> ReadTextsAsync(IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken)
    {
        if (versionIds.Count == 0)
        {
            return [];
        }
        await using var db = contextFactory.CreateDbContext();
        // The index holds no text: snippets are cut from the catalogue's own, folded as the index folds it.
        return await ReadAsync(db,
            $"SELECT v.Id, v.Language, v.Title, v.BodyMarkdown, {SqliteSearchSchema.ExtraOfVersion} FROM LanguageVersions v WHERE v.Id IN (SELECT value FROM json_each($ids))",
            [("$ids", "[" + string.Join(',', versionIds) + "]")],
            r => new IndexedText(r.GetInt32(0), r.GetString(1), SearchText.Fold(r.GetString(2)), SearchText.Fold(r.GetString(3)), SearchText.Fold(r.GetString(4))),
            cancellationToken);
    }

    /// <summary>Documents per transaction of <see cref="RebuildAsync"/>.</summary>
    public int RebuildBatch { get; init; } = 5_000;

    public async Task RebuildAsync(IProgress<SearchRebuildProgress> progress, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var ids = await db.Documents.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var last = 0;
        for (var start = 0; start < ids.Count; start += RebuildBatch)
        {
            var batch = ids.Skip(start).Take(RebuildBatch).ToList();
            var (from, to) = (last + 1, batch[^1]);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // Row ids from..to*8+7 are those documents' (and any of documents since deleted): cleared, then written again.
                await ExecuteAsync(db, "DELETE FROM SearchIndex WHERE rowid BETWEEN $from * 8 AND $to * 8 + 7;\n" + SqliteSearchSchema.Insert("v.DocumentId BETWEEN $from AND $to"),
                    [("$from", from), ("$to", to)], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            last = to;
            progress.Report(new SearchRebuildProgress(start + batch.Count, ids.Count));
        }
        await ExecuteAsync(db, "DELETE FROM SearchIndex WHERE rowid > $last * 8 + 7", [("$last", last)], cancellationToken);
        await ExecuteAsync(db, "INSERT INTO SearchIndex(SearchIndex) VALUES('optimize')", [], cancellationToken);
        progress.Report(new SearchRebuildProgress(ids.Count, ids.Count));
    }

    public async Task<SearchIndexState> CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        // The docsize table holds one row per indexed row; counting it reads no text.
        var counts = await ReadAsync(db, "SELECT (SELECT count(*) FROM LanguageVersions), (SELECT count(*) FROM SearchIndex_docsize)", [],
            r => new SearchIndexState(r.GetInt32(0), r.GetInt32(1)), cancellationToken);
        return counts[0];
    }

    /// <summary>
    /// Every term as an FTS5 string, all of them required. A single word is also the start of longer words
    /// (demo finds Demoland, РАЗОРУЖЕНИ finds разоружение); a quoted phrase and Chinese (the phrase of its
    /// bigrams) are matched as written; one Chinese character is the start of the bigrams it begins.
    /// Null when no term holds anything the tokenizer indexes.
    /// </summary>
    private static string? TextExpression(IReadOnlyList<SearchTerm> terms)
    {
        var parts = new List<string>();
        foreach (var term in terms)
        {
            var form = SearchText.IndexForm(term.Text).Trim();
            if (!form.Any(char.IsLetterOrDigit))
            {
                continue;
            }
            var cjk = term.Text.Any(SearchText.IsCjk);
            var prefix = term.Kind == SearchTermKind.ShortCjk ? term.Text.Length == 1 : !cjk && !term.IsPhrase;
            parts.Add(Quoted(form) + (prefix ? "*" : ""));
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>Two or more single words (not already phrases, not Chinese) as one phrase, for the proximity bonus.</summary>
    private static string? PhraseExpression(IReadOnlyList<SearchTerm> terms)
    {
        var words = terms.Where(t => t.Kind == SearchTermKind.Substring && !t.IsPhrase && !t.Text.Any(SearchText.IsCjk)).ToList();
        return words.Count < 2 || words.Count != terms.Count ? null : Quoted(string.Join(' ', words.Select(w => w.Text)));
    }

    /// <summary>
    /// The scope and the viewer's access as an expression over the tags; empty when nothing is filtered,
    /// null when nothing can match (a date range that holds no day).
    /// </summary>
    private static string? FilterExpression(SearchScope scope, Viewer viewer)
    {
        var all = new List<string>();
        if (!viewer.IsSecretariat)
        {
            all.Add(viewer.SeesRestrictedOf is { } state
                ? $"({SearchTags.Public} OR ({SearchTags.Status(Entities.PublicationStatus.Published)} AND {SearchTags.MemberState(state)}))"
                : SearchTags.Public);
        }
        if (scope.Language is { } language)
        {
            all.Add(SearchTags.Language(language));
        }
        if (scope.SessionId is { } session)
        {
            all.Add(SearchTags.Session(session));
        }
        if (scope.AgendaItemId is { } item)
        {
            all.Add(SearchTags.AgendaItem(item));
        }
        if (scope.Organ is { } organ)
        {
            all.Add(SearchTags.Organ(organ));
        }
        if (scope.Kind is { } kind)
        {
            all.Add(SearchTags.Kind(kind));
        }
        if (scope.Sender is { } sender)
        {
            all.Add(SearchTags.Sender(sender));
        }
        if (scope.Distribution is { } distribution)
        {
            all.Add(SearchTags.Distribution(distribution));
        }
        if (scope.From is not null || scope.To is not null)
        {
            var dates = SearchTags.Dates(scope.From, scope.To);
            if (dates.Count == 0)
            {
                return null;
            }
            all.Add("(" + string.Join(" OR ", dates) + ")");
        }
        return string.Join(" AND ", all);
    }

    /// <summary>An FTS5 string: the text between double quotes, embedded quotes doubled.</summary>
    private static string Quoted(string text) => new StringBuilder().Append('"').Append(text.Replace("\"", "\"\"")).Append('"').ToString();

    private static async Task ExecuteAsync(PortalDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
}
