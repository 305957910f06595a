using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Infrastructure;
using static Portal.Data.Search.SqliteStatements;

namespace Portal.Data.Search;

/// <summary>
/// Search over the FTS5 word index of <see cref="SqliteSearchSchema"/>: the terms, the filters and the rows the
/// viewer may not see are one MATCH expression, so every search, filtered or not, reads the index only as far as its
/// newest matches up to the request's limit (<see cref="ReadNewestAsync"/>), counts the rest (or, past
/// <see cref="ExactCountRows"/>, estimates them from a sample), and probes no document one by one. User text reaches
/// MATCH only as double-quoted FTS5 strings built here, and only through parameters; the composed SQL holds only fixed text
/// and row-id bounds.
/// </summary>
public sealed class SqliteSearchIndex(IDbContextFactory<PortalDbContext> contextFactory) : ISearchIndex
{
    private readonly DatesAndAccess _datesAndAccess = new(contextFactory, TimeProvider.System);

    /// <summary>The rank of a match of all the words as one phrase, above every match in the title alone.</summary>
    private const double PhraseBonus = 2;

    /// <summary>The rank of a match in the title.</summary>
    private const double TitleBonus = 1;

    /// <summary>The most indexed words one typed word is widened to; a shorter beginning falls back to FTS5's own prefix query.</summary>
    private const int MaxWordsPerPrefix = 64;

    /// <summary>
    /// Past the limit, matches are counted exactly when about this many index rows or fewer remain (an FTS5
    /// count reads 2,000–5,000 rows a millisecond at a million documents); beyond, their number is estimated from a sample.
    /// A filtered count reads about 1,000 rows a millisecond (every row is matched against the filters' doclists too),
    /// so a filtered search counts exactly up to a quarter as many, or twice <see cref="SampleRows"/> if that is more: a
    /// sample is worth its windows only where it reads at most half the rows.
    /// </summary>
    public int ExactCountRows { get; init; } = 20_000;

    /// <summary>
    /// About how many index rows the sample of an estimate reads, spread over <see cref="SampleWindows"/> row-id windows.
    /// 5,000 in 16 came within 3.1 % of the exact count on 24 queries at a million documents, 10,000 in 32 within 2 %, at
    /// twice the time; the sample runs beside the page on the other core, which a search's facets need (BENCHMARKS.md).
    /// </summary>
    public int SampleRows { get; init; } = 5_000;

    /// <summary>How many row-id windows, spread evenly over the older rows, the sample of an estimate reads.</summary>
    public int SampleWindows { get; init; } = 16;

    public async Task<SearchHits> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var text = await TextExpressionAsync(db, request.Terms, cancellationToken);
        var filters = FilterExpression(request.Scope);
        if (text is null || filters is null)
        {
            return SearchHits.None;
        }
        // What the viewer may not see is a short list (drafts, withdrawn and Restricted documents): excluding it
        // reads only its own doclist, where requiring "public" would read a row for nearly every text.
        var hidden = HiddenExpression(request.Viewer);
        var (required, excluded, rows) = (filters, hidden, RowCondition(request.Scope));
        var band = await DateBandAsync(db, request.Scope, filters, cancellationToken);
        if (band is not null)
        {
            required = FilterExpression(request.Scope with { From = null, To = null })!;
            excluded = string.Join(" OR ", band.Outside.Append(hidden).OfType<string>()) is { Length: > 0 } outside ? outside : null;
            rows += $" AND rowid BETWEEN {band.Oldest} AND {band.Newest}";
        }
        string Match(string? columns, string terms) => $"({(columns is null ? "" : $"{{{columns}}} : ")}({terms})" + (required.Length > 0 ? $" AND {{Tags}} : ({required})" : "") + ")"
            + (excluded is null ? "" : $" NOT {{Tags}} : ({excluded})");
        // Words are kept out of the Tags column only when one of them could be a tag (s12, y19): that column filter has
        // FTS5 read the positions of every match, 10-25 % of a count at a million documents (BENCHMARKS.md).
        var textColumns = request.Terms.Any(t => SearchText.Words(t.Text).Any(SearchTags.CouldBeTag)) ? "Title Body Extra" : null;
        var match = Match(textColumns, text);

        var read = await ReadNewestAsync(db, match, filters, band?.Newest, rows, request.Limit + 1, cancellationToken);
        if (read.Count == 0)
        {
            return SearchHits.None;
        }
        var oldestRead = read[^1];
        var truncated = read.Count > request.Limit;
        var documentsRead = read.Select(SearchTags.DocumentOf).Distinct().Count();
        Task<(int Count, bool Exact)>? olderCounted = null;
        if (truncated)
        {
            // The matches below those read are counted on a connection of their own while the rows read are ranked and
            // the caller reads its page (Task.Run: Microsoft.Data.Sqlite's async calls run synchronously).
            var (newestRead, rowsRead) = (read[0], read.Count);
            olderCounted = Task.Run(() => CountOlderAsync(match, filters, band?.Oldest, rows, newestRead, oldestRead, rowsRead, documentsRead, cancellationToken), cancellationToken);
            read.RemoveAt(read.Count - 1);
        }

        var scores = await RankAsync(db, Match, textColumns, PhraseExpression(request.Terms), text, rows, read, cancellationToken);
        var best = read
            .Select(rowId => (RowId: rowId, Score: scores.GetValueOrDefault(rowId)))
            .GroupBy(m => SearchTags.DocumentOf(m.RowId))
            .Select(g => (RowId: ShownRow(g), Score: g.Max(m => m.Score)))
            .ToList();
        var ids = best.Select(m => SearchTags.DocumentOf(m.RowId)).ToList();
        var allowed = await AllowedAsync(db, request, ids, cancellationToken);
        var refused = best.Count - best.Count(m => allowed.Contains(SearchTags.DocumentOf(m.RowId)));
        best.RemoveAll(m => !allowed.Contains(SearchTags.DocumentOf(m.RowId)));
        // Every language whose text matched, read from the row ids (document × 8 + language slot); the few rows of
        // languages beyond the six slots are looked up.
        var matchedRows = read.Where(rowId => !SearchTags.IsCatalogue(rowId) && allowed.Contains(SearchTags.DocumentOf(rowId))).Order().ToList();
        var otherLanguages = await LanguagesOfAsync(db, matchedRows.Where(rowId => SearchTags.LanguageOf(rowId) is null).ToList(), cancellationToken);
        var matchedIn = matchedRows
            .Select(rowId => (Document: SearchTags.DocumentOf(rowId), Language: SearchTags.LanguageOf(rowId) ?? otherLanguages.GetValueOrDefault(rowId)))
            .Where(m => m.Language is not null)
            .ToLookup(m => m.Document, m => m.Language!);
        var inCatalogue = read.Where(SearchTags.IsCatalogue).Select(SearchTags.DocumentOf).ToHashSet();
        var hits = best
            .Select(m => (m.RowId, m.Score, Document: SearchTags.DocumentOf(m.RowId)))
            .Select(m => new SearchHit(m.Document, m.Score, SearchTags.IsCatalogue(m.RowId) ? null : m.RowId)
            {
                MatchedIn = [.. matchedIn[m.Document]],
                InCatalogue = inCatalogue.Contains(m.Document),
            })
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId)
            .ToList();
        return olderCounted is null ? SearchHits.Complete(hits)
            : new SearchHits(hits, true, TotalAsync(olderCounted, documentsRead - refused, hits.Count));
    }

    /// <summary>
    /// The documents of <paramref name="ids"/> the viewer may see. The index's access class narrowed the search; the one
    /// access rule has the last word, applied to the status and distribution held in memory (<see cref="DatesAndAccess"/>)
    /// and, for the documents whose member states decide, in the catalogue. The filters were matched as tags, exactly
    /// unless a date lies beyond the years tagged one by one: only then are they checked again, in the catalogue with the
    /// rule (checking them again anyway let SQLite read every document of the session or the dates filtered, not the ids).
    /// </summary>
    private async Task<HashSet<int>> AllowedAsync(PortalDbContext db, SearchRequest request, List<int> ids, CancellationToken cancellationToken)
    {
        if (!SearchTags.MatchExactly(request.Scope))
        {
            return (await request.AllowedDocuments(db).Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        }
        var (allowed, undecided) = await _datesAndAccess.VisibleToAsync(ids, request.Viewer, cancellationToken);
        if (undecided.Count > 0)
        {
            allowed.UnionWith(await db.Documents.AsNoTracking().Where(DocumentAccess.VisibleTo(request.Viewer))
                .Where(d => undecided.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken));
        }
        return allowed;
    }

    /// <summary>The most date tokens a date range's band excludes (<see cref="DateBandAsync"/>) before its own tokens are used instead.</summary>
    private const int MostTokensOutside = 32;

    /// <summary>The rows a date range covers: the band of row ids its filters match, less the documents listed outside the range.</summary>
    private sealed record DateBand(long Oldest, long Newest, IReadOnlyCollection<string> Outside);

    /// <summary>
    /// A date range as a band of row ids less the band's documents listed outside the range (by their own date tokens),
    /// rather than as the range's tokens: those are dense within the band, and FTS5 walks a dense doclist entry by entry,
    /// so a word within 2½ years of a million documents was counted in 4.4 ms with them and in 1.7 ms without (BENCHMARKS.md).
    /// Null where the range's tokens stand: no date range, a range beyond the years tagged one by one, a band nothing matches,
    /// or one whose outsiders need more than <see cref="MostTokensOutside"/> tokens.
    /// </summary>
    private async Task<DateBand?> DateBandAsync(PortalDbContext db, SearchScope scope, string filters, CancellationToken cancellationToken)
    {
        static bool Tagged(DateOnly? day) => day is not { } d || d.Year is >= SearchTags.FirstYear and <= SearchTags.LastYear;
        if (scope.From is null && scope.To is null || !Tagged(scope.From) || !Tagged(scope.To))
        {
            return null;
        }
        var oldest = await FiltersEdgeAsync(db, filters, newest: false, cancellationToken);
        if (oldest == 0)
        {
            return null;
        }
        var newest = await FiltersEdgeAsync(db, filters, newest: true, cancellationToken);
        var outside = await _datesAndAccess.TokensOutsideAsync(SearchTags.DocumentOf(oldest), SearchTags.DocumentOf(newest),
            scope.From ?? DateOnly.MinValue, scope.To ?? DateOnly.MaxValue, MostTokensOutside, cancellationToken);
        return outside is null ? null : new DateBand(oldest, newest, outside);
    }

    /// <summary>
    /// The newest <paramref name="count"/> rows that match, newest first (row ids grow with the document id); the doclists
    /// are read only as far as that. FTS5 seeks forwards through a doclist by its index but walks it backwards page by
    /// page, so a filtered search read newest first walks the word's doclist down to the filters' newest row: 0.4–0.9 ms
    /// at a million documents for an agenda item, 5 ms for a common word in an old session, where reading forwards costs
    /// 0.05–0.1 ms. A filtered search therefore reads its oldest rows first, which are all there is when they are
    /// fewer than <paramref name="count"/>; otherwise <see cref="ReadNewestForwardsAsync"/> reads the newest forwards.
    /// </summary>
    private static async Task<List<long>> ReadNewestAsync(PortalDbContext db, string match, string filters, long? filtersNewest, string rows, int count,
        CancellationToken cancellationToken)
    {
        if (filters.Length > 0)
        {
            var oldest = await MatchingRowsAsync(db, match, rows, count, newestFirst: false, cancellationToken);
            if (oldest.Count < count)
            {
                oldest.Reverse();
                return oldest;
            }
            if (await ReadNewestForwardsAsync(db, match, filters, filtersNewest, rows, count, oldest, cancellationToken) is { } newest)
            {
                return newest;
            }
        }
        return await MatchingRowsAsync(db, match, rows, count, newestFirst: true, cancellationToken);
    }

    /// <summary>
    /// The newest <paramref name="count"/> rows of a filtered search that matches more, newest first, read forwards from
    /// a row id below them: the filters' newest row less half again the span the oldest <paramref name="count"/> matches
    /// took. Null when that read finds fewer than <paramref name="count"/> rows, or four times as many (the matches grow
    /// much denser towards the newest): the caller then reads newest first.
    /// </summary>
    private static async Task<List<long>?> ReadNewestForwardsAsync(PortalDbContext db, string match, string filters, long? filtersNewest, string rows, int count,
        List<long> oldest, CancellationToken cancellationToken)
    {
        var last = filtersNewest ?? await FiltersEdgeAsync(db, filters, newest: true, cancellationToken);
        // Past the oldest rows read, nothing below them is needed again.
        var from = Math.Max(oldest[^1] + 1, last - (oldest[^1] - oldest[0]) * 3 / 2);
        var cap = 4 * count;
        var newer = await MatchingRowsAsync(db, match, rows, cap, newestFirst: false, cancellationToken, from);
        if (newer.Count == cap)
        {
            return null;
        }
        if (from == oldest[^1] + 1)
        {
            // Every match lies in the oldest rows and these.
            newer.InsertRange(0, oldest);
        }
        if (newer.Count < count)
        {
            return null;
        }
        newer.RemoveRange(0, newer.Count - count);
        newer.Reverse();
        return newer;
    }

    /// <summary>
    /// At most <paramref name="limit"/> rows that match, oldest or newest first, from row id <paramref name="from"/> on when
    /// it is given.
    /// </summary>
    private static Task<List<long>> MatchingRowsAsync(PortalDbContext db, string match, string rows, int limit, bool newestFirst,
        CancellationToken cancellationToken, long? from = null) =>
        ReadAsync(db, $"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $match{rows}{(from is null ? "" : " AND rowid >= $from")} ORDER BY rowid{(newestFirst ? " DESC" : "")} LIMIT $limit",
            from is null ? [("$match", match), ("$limit", limit)] : [("$match", match), ("$limit", limit), ("$from", from)], r => r.GetInt64(0), cancellationToken);

    /// <summary>
    /// The oldest or the newest index row the filters match, 0 when none: the ends of the band of row ids a session or a
    /// date range covers in a catalogue, whose ids grow as documents are registered.
    /// </summary>
    private static async Task<long> FiltersEdgeAsync(PortalDbContext db, string filters, bool newest, CancellationToken cancellationToken) =>
        (await ReadAsync(db, $"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $filters ORDER BY rowid{(newest ? " DESC" : "")} LIMIT 1",
            [("$filters", $"{{Tags}} : ({filters})")], r => r.GetInt64(0), cancellationToken)).FirstOrDefault();

    /// <summary>The documents read and allowed, and those the count finds below them (never fewer than the hits).</summary>
    private static async Task<SearchTotal> TotalAsync(Task<(int Count, bool Exact)> olderCounted, int readAndAllowed, int hits)
    {
        var (older, exact) = await olderCounted;
        return new SearchTotal(Math.Max(readAndAllowed + older, hits), exact, IsEstimate: !exact);
    }

    /// <summary>
    /// The row a document found is shown by: its best-ranked matching version (on a tie English, then the UN's order
    /// of languages), or its catalogue row when nothing else matched (<see cref="CatalogueMatches"/> then picks the version).
    /// A document ranks by its best row, whichever it is.
    /// </summary>
    private static long ShownRow(IGrouping<int, (long RowId, double Score)> rows)
    {
        // A loop rather than OrderBy().ThenBy().ThenBy().First(): this runs for each of the ~600 documents a search
        // ranks, where the sorts' iterators and buffers were a tenth of what a search allocated.
        (long RowId, double Score, bool English)? shown = null;
        foreach (var (rowId, score) in rows)
        {
            if (SearchTags.IsCatalogue(rowId))
            {
                continue;
            }
            var english = SearchTags.LanguageOf(rowId) == "en";
            if (shown is not { } best || score > best.Score
                || score == best.Score && (english && !best.English || english == best.English && rowId < best.RowId))
            {
                shown = (rowId, score, english);
            }
        }
        return shown?.RowId ?? SearchTags.CatalogueRowId(rows.Key);
    }

    /// <summary>
    /// The rank of each row read, higher first: a match of all the words as one phrase, then a match in the title;
    /// within a tier the newer document comes first (<see cref="SearchAsync"/> breaks ties by document id). Both
    /// are read with the search's own filters, within the row ids read, so FTS5 seeks rather than scans. bm25 is
    /// not used: it weighs each word by how rare it is, which FTS5 learns by reading the word's whole doclist,
    /// 40–550 ms per search at a million documents whatever the number of matches (BENCHMARKS.md, "Search").
    /// </summary>
    private static async Task<Dictionary<long, double>> RankAsync(PortalDbContext db, Func<string?, string, string> match, string? textColumns, string? phrase, string text,
        string rows, List<long> read, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<long, double>();
        async Task AddAsync(string expression, double bonus)
        {
            foreach (var rowId in await ReadAsync(db, $"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $match{rows} AND rowid BETWEEN $min AND $max",
                [("$match", expression), ("$min", read[^1]), ("$max", read[0])], r => r.GetInt64(0), cancellationToken))
            {
                scores[rowId] = scores.GetValueOrDefault(rowId) + bonus;
            }
        }
        await AddAsync(match("Title", text), TitleBonus);
        // Several words that also occur together, in order, come before the same words scattered.
        if (phrase is not null)
        {
            await AddAsync(match(textColumns, phrase), PhraseBonus);
        }
        return scores;
    }

    /// <summary>
    /// How many documents match below those read (row ids under <paramref name="oldestRead"/>'s document), and
    /// whether that is exact. The rows read tell how dense the matches are; when few rows can remain they are
    /// counted, otherwise matching documents are counted in <see cref="SampleWindows"/> row-id windows spread evenly
    /// over the older rows and scaled up, then counted exactly after all if the estimate turns out small. The older
    /// rows start at the first row the filters match: a session or a date range covers a band of row ids in a
    /// catalogue, whose ids grow as documents are registered, and the rows below it can hold no match.
    /// </summary>
    private async Task<(int Count, bool Exact)> CountOlderAsync(string match, string filters, long? filtersOldest, string rows, long newestRead, long oldestRead,
        int rowsRead, int documentsRead, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        var below = oldestRead >> 3 << 3;
        var floor = filters.Length == 0 ? 0 : (filtersOldest ?? await FiltersEdgeAsync(db, filters, newest: false, cancellationToken)) >> 3 << 3;
        var older = below - floor;
        var guess = (double)rowsRead * older / Math.Max(1, newestRead - oldestRead + 1);
        var exactRows = filters.Length == 0 ? ExactCountRows : ExactCountRows / 4;
        // A sample is taken only where it reads at most half the rows: each window opens every term's doclists again,
        // so a filtered sample of most of a date range's rows cost more than counting them all (BENCHMARKS.md).
        if (guess > Math.Max(exactRows, 2 * SampleRows) && older > 8 * SampleWindows)
        {
            var fraction = SampleRows / guess;
            var width = Math.Max(8, (long)(older * fraction / SampleWindows) >> 3 << 3);
            var step = older / SampleWindows >> 3 << 3;
            if (width < step)
            {
                var windows = Enumerable.Range(0, SampleWindows).Select(i => (From: floor + i * step, To: floor + i * step + width - 1)).ToList();
                // One count over the rows of every window rather than a count(DISTINCT) per window, each with a temporary
                // index of its own (at a million documents 1.8 ms for the sample alone, against 1.5 ms counted at once).
                var sql = "SELECT count(DISTINCT Row >> 3) FROM (" + string.Join(" UNION ALL ", windows.Select((_, i) =>
                    $"SELECT rowid AS Row FROM SearchIndex WHERE SearchIndex MATCH $match{rows} AND rowid BETWEEN $f{i} AND $t{i}")) + ")";
                var sampled = (await ReadAsync(db, sql,
                    [("$match", match), .. windows.SelectMany((w, i) => new (string, object?)[] { ($"$f{i}", w.From), ($"$t{i}", w.To) })],
                    r => r.GetInt64(0), cancellationToken))[0];
                var estimate = (int)Math.Round(sampled * (double)older / (SampleWindows * width));
                if ((double)estimate * rowsRead / documentsRead > exactRows)
                {
                    return (estimate, false);
                }
            }
        }
        var counted = await ReadAsync(db, $"SELECT count(DISTINCT rowid >> 3) FROM SearchIndex WHERE SearchIndex MATCH $match{rows} AND rowid < $below",
            [("$match", match), ("$below", below)], r => r.GetInt32(0), cancellationToken);
        return (counted[0], true);
    }

    public async Task<IReadOnlyDictionary<int, IndexedText>> ReadShownTextsAsync(IReadOnlyCollection<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return new Dictionary<int, IndexedText>();
        }
        await using var db = contextFactory.CreateDbContext();
        var picked = await CatalogueMatches.VersionsToShowAsync(db, hits.Where(h => h.ShownRow is null).Select(h => h.DocumentId).ToList(), cancellationToken);
        // The index holds no text: snippets are cut from the catalogue's own, folded as the index folds it. The versions
        // are those behind the rows shown (sought by their document's key) and those picked for catalogue matches.
        var texts = await ReadAsync(db, $"""
            SELECT v.DocumentId, v.Id, v.Language, v.Title, v.BodyMarkdown, {SqliteSearchSchema.ExtraOfVersion}
            FROM {VersionsOfRows}
            UNION ALL
            SELECT v.DocumentId, v.Id, v.Language, v.Title, v.BodyMarkdown, {SqliteSearchSchema.ExtraOfVersion}
            FROM LanguageVersions v WHERE v.Id IN (SELECT value FROM json_each($versions))
            """,
            [("$rows", Json(hits.Where(h => h.ShownRow is not null).Select(h => h.ShownRow!.Value))), ("$versions", Json(picked.Values.Select(v => (long)v.Id)))],
            r => (Document: r.GetInt32(0), Text: new IndexedText(r.GetInt32(1), r.GetString(2), SearchText.Fold(r.GetString(3)), SearchText.Fold(r.GetString(4)), SearchText.Fold(r.GetString(5)))),
            cancellationToken);
        var shown = new Dictionary<int, IndexedText>();
        foreach (var (document, text) in texts)
        {
            // A row of the slot that languages beyond the six share may join more than one version: one is shown.
            shown.TryAdd(document, text);
        }
        return shown;
    }

    /// <summary>The language of each text row given, for rows of languages beyond the six slots, which the row id does not tell.</summary>
    private static async Task<Dictionary<long, string>> LanguagesOfAsync(PortalDbContext db, List<long> rowIds, CancellationToken cancellationToken)
    {
        var languages = new Dictionary<long, string>();
        if (rowIds.Count == 0)
        {
            return languages;
        }
        foreach (var (rowId, language) in await ReadAsync(db,
            $"SELECT r.value, v.Language FROM {VersionsOfRows}",
            [("$rows", Json(rowIds))], r => (r.GetInt64(0), r.GetString(1)), cancellationToken))
        {
            languages.TryAdd(rowId, language);
        }
        return languages;
    }

    /// <summary>The language version <c>v</c> behind each index row id of the JSON array <c>$rows</c> (<c>r.value</c>), sought by its document's key.</summary>
    private static readonly string VersionsOfRows =
        $"json_each($rows) r JOIN LanguageVersions v ON v.DocumentId = r.value >> 3 WHERE {SqliteSearchSchema.RowIdOf("v")} = r.value";

    private static string Json(IEnumerable<long> values) => "[" + string.Join(',', values) + "]";

    public Task WarmUpAsync(CancellationToken cancellationToken) => _datesAndAccess.LookAsync(cancellationToken);

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
                await ExecuteAsync(db, "DELETE FROM SearchIndex WHERE rowid BETWEEN $from * 8 AND $to * 8 + 7;\n" + SqliteSearchSchema.Insert("v.DocumentId BETWEEN $from AND $to")
                    + SqliteSearchSchema.InsertCatalogue("d.Id BETWEEN $from AND $to"),
                    [("$from", from), ("$to", to)], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            last = to;
            progress.Report(new SearchRebuildProgress(start + batch.Count, ids.Count));
        }
        await ExecuteAsync(db, "DELETE FROM SearchIndex WHERE rowid > $last * 8 + 7", [("$last", last)], cancellationToken);
        await ExecuteAsync(db, "INSERT INTO SearchIndex(SearchIndex) VALUES('optimize')", [], cancellationToken);
        // The words of texts deleted since stay listed: they widen a search to nothing, at the cost of a place in the list.
        await ExecuteAsync(db, SqliteSearchSchema.FillWords, [], cancellationToken);
        progress.Report(new SearchRebuildProgress(ids.Count, ids.Count));
    }

    public async Task<SearchIndexState> CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        // The docsize table holds one row per indexed row (each language version and each document's catalogue row); counting it reads no text.
        var counts = await ReadAsync(db, "SELECT (SELECT count(*) FROM LanguageVersions) + (SELECT count(*) FROM Documents), (SELECT count(*) FROM SearchIndex_docsize)", [],
            r => new SearchIndexState(r.GetInt32(0), r.GetInt32(1)), cancellationToken);
        return counts[0];
    }

    /// <summary>
    /// Every term as an FTS5 expression, all of them required. A single word is also the start of longer words
    /// (demo finds Demoland, РАЗОРУЖЕНИ finds разоружение): it is widened to the indexed words it begins, read from
    /// <c>SearchWords</c>, as an OR that FTS5 merges lazily, newest first; only a beginning shared by more than
    /// <see cref="MaxWordsPerPrefix"/> words is left to FTS5's prefix query. A quoted phrase and Chinese (the
    /// phrase of its bigrams) are matched as written; one Chinese character is the start of the bigrams it begins.
    /// Null when no term holds anything the tokenizer indexes.
    /// </summary>
    private static async Task<string?> TextExpressionAsync(PortalDbContext db, IReadOnlyList<SearchTerm> terms, CancellationToken cancellationToken)
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
            if (!prefix)
            {
                parts.Add(Quoted(form));
                continue;
            }
            var words = SearchText.Words(term.Text);
            var widened = words.Count == 1 ? await WordsStartingAsync(db, words.First(), cancellationToken) : null;
            parts.Add(widened is null ? Quoted(form) + "*" : "(" + string.Join(" OR ", widened.Prepend(words.First()).Distinct().Select(Quoted)) + ")");
        }
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    /// <summary>The indexed words that begin with <paramref name="word"/>; null when there are more than <see cref="MaxWordsPerPrefix"/>.</summary>
    private static async Task<List<string>?> WordsStartingAsync(PortalDbContext db, string word, CancellationToken cancellationToken)
    {
        // U+10FFFF sorts after every character a word can continue with (UTF-8 byte order).
        var found = await ReadAsync(db, "SELECT Word FROM SearchWords WHERE Word >= $word AND Word < $word || char(1114111) ORDER BY Word LIMIT $limit",
            [("$word", word), ("$limit", MaxWordsPerPrefix + 1)], r => r.GetString(0), cancellationToken);
        return found.Count > MaxWordsPerPrefix ? null : found;
    }

    /// <summary>Two or more single words (not already phrases, not Chinese) as one phrase, for the proximity bonus.</summary>
    private static string? PhraseExpression(IReadOnlyList<SearchTerm> terms)
    {
        var words = terms.Where(t => t.Kind == SearchTermKind.Substring && !t.IsPhrase && !t.Text.Any(SearchText.IsCjk)).ToList();
        return words.Count < 2 || words.Count != terms.Count ? null : Quoted(string.Join(' ', words.Select(w => w.Text)));
    }

    /// <summary>
    /// The document filters as an expression over the tags; empty when nothing is filtered, null when nothing can
    /// match (a date range that holds no day). The language of one of the six slots is a row-id condition instead
    /// (<see cref="RowCondition"/>), which costs no doclist.
    /// </summary>
    private static string? FilterExpression(SearchScope scope)
    {
        var all = new List<string>();
        if (scope.Language is { } language && SearchTags.LanguageSlot(language) == SearchTags.OtherLanguagesSlot)
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

    /// <summary>
    /// The tags of the language versions the viewer may not see, whose rows a search excludes; null for the
    /// Secretariat, who sees everything. A delegation also sees the published Restricted documents that name its
    /// State. <see cref="DocumentAccess.VisibleTo"/> still checks every hit.
    /// </summary>
    private static string? HiddenExpression(Viewer viewer)
    {
        if (viewer.IsSecretariat)
        {
            return null;
        }
        var unpublished = Enum.GetValues<PublicationStatus>().Where(s => s != PublicationStatus.Published).Select(SearchTags.Status);
        var restricted = SearchTags.Distribution(Distribution.Restricted);
        var refused = viewer.SeesRestrictedOf is { } state ? $"({restricted} NOT {SearchTags.MemberState(state)})" : restricted;
        return string.Join(" OR ", unpublished.Append(refused));
    }

    /// <summary>Conditions on the row id (document × 8 + language slot): one document, or one of the six languages.</summary>
    private static string RowCondition(SearchScope scope)
    {
        var condition = scope.DocumentId is { } only ? $" AND rowid BETWEEN {only * 8L} AND {only * 8L + 7}" : "";
        if (scope.Language is { } language && SearchTags.LanguageSlot(language) is var slot && slot != SearchTags.OtherLanguagesSlot)
        {
            condition += $" AND (rowid & 7) = {slot}";
        }
        return condition;
    }

    /// <summary>An FTS5 string: the text between double quotes, embedded quotes doubled.</summary>
    private static string Quoted(string text) => new StringBuilder().Append('"').Append(text.Replace("\"", "\"\"")).Append('"').ToString();
}
