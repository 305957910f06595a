using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Data.Search;

/// <summary>
/// Search over PostgreSQL's full-text machinery: the <c>SearchText</c> table that the
/// <c>AddPostgreSqlSearchIndex</c> migration creates and its triggers keep up to date.
/// <list type="bullet">
/// <item>An alphabetic word matches the <c>Words</c> tsvector either as a form of the word in the version's
/// language (English, French, Spanish and Russian stemming: <c>reports</c> finds report) or as the start
/// of a word as typed (<c>demo</c> finds Demoland, <c>РАЗОРУЖЕНИ</c> finds разоружение); case and accents
/// never count. A quoted phrase needs its words in order (<c>&lt;-&gt;</c>). Unlike the SQLite trigram index,
/// a word is not found in the middle of a longer word (<c>armament</c> does not find disarmament).</item>
/// <item>Chinese (any CJK run) matches the <c>Cjk</c> tsvector of character bigrams: a two-character word is
/// one bigram, one character a bigram prefix, and a longer term needs all its bigrams and is then checked
/// as written in the text, so it is found inside longer runs exactly as typed.</item>
/// <item>Beside the texts, each document's catalogue record (<c>SearchCatalogue</c>: its catalogue title and the
/// titles of its agenda items in every language) matches the same way, a word in any language's configuration,
/// unless the search is limited to one language of text.</item>
/// </list>
/// The viewer's access and the filters are applied in the same SQL statement (EF composes
/// <see cref="SearchRequest.AllowedDocuments"/> over the raw query), so the request's limit counts only
/// matches the viewer may see. User text reaches PostgreSQL only as parameters; tsquery operands are quoted here.
/// </summary>
public sealed class PostgreSqlSearchIndex(IDbContextFactory<PortalDbContext> contextFactory) : ISearchIndex
{
    /// <summary>The languages with a stemming configuration of their own; every other language uses <c>portal_simple</c>.</summary>
    private static readonly (string Language, string Configuration)[] Stemmed =
        [("en", "portal_english"), ("fr", "portal_french"), ("es", "portal_spanish"), ("ru", "portal_russian")];

    private const string SimpleConfiguration = "portal_simple";

    public async Task<SearchHits> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = Query.From(request.Terms);
        if (query.IsEmpty)
        {
            return SearchHits.None;
        }
        await using var db = contextFactory.CreateDbContext();
        var read = await ReadNewestAsync(db, query, request, cancellationToken);
        var truncated = read.Count > request.Limit;
        if (truncated)
        {
            read.RemoveAt(read.Count - 1);
        }
        // Ranked in a second statement, over the versions read only: ts_rank in the first one was computed for
        // every match before the limit applied, most of the time of a search for a common word.
        var versionIds = read.Where(m => !m.IsCatalogue).Select(m => m.VersionId).ToArray();
        var ranks = versionIds.Length == 0 ? [] : await db.Database
            .SqlQueryRaw<Ranked>(query.RankSql(request.Scope.Language), [.. query.RankParameters(versionIds)])
            .ToDictionaryAsync(r => r.Id, r => r.Rank, cancellationToken);
        var catalogueIds = read.Where(m => m.IsCatalogue).Select(m => m.DocumentId).ToArray();
        var catalogueRanks = catalogueIds.Length == 0 ? [] : await db.Database
            .SqlQueryRaw<Ranked>(query.CatalogueRankSql(), [.. query.RankParameters(catalogueIds)])
            .ToDictionaryAsync(r => r.Id, r => r.Rank, cancellationToken);
        var hits = new List<SearchHit>();
        foreach (var found in read.GroupBy(m => m.DocumentId))
        {
            // Shown in its best-matching version; a document found by its catalogue record alone in the one CatalogueMatches picks.
            var best = found.Where(m => !m.IsCatalogue).MaxBy(m => ranks.GetValueOrDefault(m.VersionId));
            hits.Add(new SearchHit(found.Key,
                found.Max(m => m.IsCatalogue ? catalogueRanks.GetValueOrDefault(m.DocumentId) : ranks.GetValueOrDefault(m.VersionId)), best?.VersionId)
            {
                MatchedIn = found.Where(m => !m.IsCatalogue).Select(m => m.Language).Distinct().OrderBy(l => Array.IndexOf(SearchTags.LanguageSlots, l)).ToList(),
                InCatalogue = found.Any(m => m.IsCatalogue),
            });
        }
        hits = hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId).ToList();
        return new SearchHits(hits, truncated, Task.FromResult(new SearchTotal(hits.Count, IsExact: !truncated)));
    }

    /// <summary>
    /// How many of the newest documents the first read of a search covers (<see cref="ReadNewestAsync"/>).
    /// </summary>
    public int FirstWindow { get; init; } = 2_048;

    /// <summary>How many documents' rows one statement reads by key, when a filter leaves at most <see cref="ManyDocuments"/>.</summary>
    public int FewDocuments { get; init; } = 2_000;

    /// <summary>
    /// At most how many documents a filter may leave for a search to read their rows by key, <see cref="FewDocuments"/>
    /// at a time newest first, instead of the word index; 0 never does. A batch costs about one range of the word
    /// index at 100,000 documents (35–95 ms for a rare word), so past a few batches the ranges are cheaper.
    /// </summary>
    public int ManyDocuments { get; init; } = 6_000;

    /// <summary>
    /// The newest matches the viewer may see, one more than the limit to know whether the limit cut anything. GIN
    /// returns every match unordered, so one statement ordered by document would fetch and sort every match before
    /// its LIMIT: at a million documents 2.5 s for a word in 65,000 of them and 18 s for a word in nearly all
    /// (BENCHMARKS.md). The matches are instead read in ranges of document ids, newest first, each range sized
    /// from how dense the matches were in the ranges before, until enough are read; the result is the same rows.
    /// </summary>
    private async Task<List<Match>> ReadNewestAsync(PortalDbContext db, Query query, SearchRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Limit + 1;
        // The matches among the given documents, newest first.
        IQueryable<Match> Matches(Expression<Func<Match, bool>> among) =>
            db.Database.SqlQueryRaw<Match>(query.MatchSql(request.Scope.Language), [.. query.Parameters(request.Scope.Language)])
                .Where(among)
                .OrderByDescending(m => m.DocumentId).ThenByDescending(m => m.VersionId);
        if (request.Scope.HasDocumentFilters && ManyDocuments > 0)
        {
            // A filter that leaves a few thousand documents (an agenda item, a session, a year or two) is read
            // from those documents' rows by key, a batch at a time newest first, until enough match: the planner cannot
            // tell from the filter alone that this beats reading every match of the words, and the ranges below would
            // find the filter's documents thinly spread over every range of ids (BENCHMARKS.md, "PostgreSQL: filters").
            var candidates = await request.AllowedDocuments(db).OrderByDescending(d => d.Id).Select(d => d.Id)
                .Take(ManyDocuments + 1).ToListAsync(cancellationToken);
            if (candidates.Count <= ManyDocuments)
            {
                var found = new List<Match>();
                foreach (var batch in candidates.Chunk(Math.Max(1, FewDocuments)))
                {
                    found.AddRange(await Matches(m => batch.Contains(m.DocumentId)).Take(wanted - found.Count).ToListAsync(cancellationToken));
                    if (found.Count >= wanted)
                    {
                        break;
                    }
                }
                return found;
            }
        }
        var newest = await db.Documents.MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0;
        var allowed = request.AllowedDocuments(db).Select(d => d.Id);
        var read = new List<Match>();
        long window = FirstWindow;
        for (var to = newest; to >= 1;)
        {
            var from = (int)Math.Max(1, to - window + 1);
            read.AddRange(await Matches(m => allowed.Contains(m.DocumentId) && m.DocumentId >= from && m.DocumentId <= to)
                .Take(wanted - read.Count).ToListAsync(cancellationToken));
            if (read.Count >= wanted)
            {
                break;
            }
            // Nothing yet: the word is rare, and one read of the rest costs no more than its few matches. Otherwise
            // the density so far says how far back the missing matches lie; a margin, and at least four times wider.
            var covered = (double)newest - from + 1;
            window = read.Count == 0 ? from : (long)Math.Max(window * 4.0, 1.5 * (wanted - read.Count) * covered / read.Count);
            to = from - 1;
        }
        return read;
    }

    public async Task<IReadOnlyDictionary<int, IndexedText>> ReadShownTextsAsync(IReadOnlyCollection<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return new Dictionary<int, IndexedText>();
        }
        await using var db = contextFactory.CreateDbContext();
        var picked = await CatalogueMatches.VersionsToShowAsync(db, hits.Where(h => h.ShownRow is null).Select(h => h.DocumentId).ToList(), cancellationToken);
        var versionIds = hits.Where(h => h.ShownRow is not null).Select(h => (int)h.ShownRow!.Value).Concat(picked.Values.Select(v => v.Id)).ToArray();
        var rows = await db.Database.SqlQueryRaw<TextRow>(
                """SELECT "DocumentId", "VersionId", "Language", "Title", "Body", "Extra" FROM "SearchText" WHERE "VersionId" = ANY(@ids)""",
                new NpgsqlParameter("ids", versionIds))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.DocumentId, r => new IndexedText(r.VersionId, r.Language, r.Title, r.Body, r.Extra));
    }

    /// <summary>Nothing to read ahead: every search asks PostgreSQL, which keeps its own caches.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Documents per transaction of <see cref="RebuildAsync"/>.</summary>
    public int RebuildBatch { get; init; } = 5_000;

    public async Task RebuildAsync(IProgress<SearchRebuildProgress> progress, CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var ids = await db.Documents.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var last = 0;
        for (var start = 0; start < ids.Count; start += RebuildBatch)
        {
            var batch = ids.Skip(start).Take(RebuildBatch).ToList();
            var (from, to) = (last + 1, batch[^1]);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                // The rows of those documents (and of any since deleted) are cleared, then written again from the views the triggers use.
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchText" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "SearchText" SELECT * FROM "SearchTextSource" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchCatalogue" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "SearchCatalogue" SELECT * FROM "SearchCatalogueSource" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            last = to;
            progress.Report(new SearchRebuildProgress(start + batch.Count, ids.Count));
        }
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchText" WHERE "DocumentId" > {last}""", cancellationToken);
        progress.Report(new SearchRebuildProgress(ids.Count, ids.Count));
    }

    public async Task<SearchIndexState> CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = contextFactory.CreateDbContext();
        // A row per language version and a catalogue row per document.
        var rows = await db.LanguageVersions.CountAsync(cancellationToken) + await db.Documents.CountAsync(cancellationToken);
        var indexed = await db.Database.SqlQueryRaw<int>("""SELECT ((SELECT count(*) FROM "SearchText") + (SELECT count(*) FROM "SearchCatalogue"))::int AS "Value" """)
            .SingleAsync(cancellationToken);
        return new SearchIndexState(rows, indexed);
    }

    private sealed class TextRow
    {
        public int DocumentId { get; init; }

        public int VersionId { get; init; }

        public string Language { get; init; } = "";

        public string Title { get; init; } = "";

        public string Body { get; init; } = "";

        public string Extra { get; init; } = "";
    }

    /// <summary>One alphabetic term as tsquery text: its words whole (for stemming) and as prefixes.</summary>
    private sealed record WordTerm(string Exact, string Prefix);

    /// <summary>A language version holding every term, or (<see cref="VersionId"/> 0) a document's catalogue record.</summary>
    private sealed class Match
    {
        public int VersionId { get; init; }

        public int DocumentId { get; init; }

        public string Language { get; init; } = "";

        public bool IsCatalogue => VersionId == 0;
    }

    /// <summary>A matching version's or catalogue record's rank (higher is better).</summary>
    private sealed class Ranked
    {
        public int Id { get; init; }

        public double Rank { get; init; }
    }

    /// <summary>
    /// The terms as tsquery text: <see cref="Words"/> for the language configurations, <see cref="Cjk"/>
    /// as bigram lexemes (cast, not parsed), and the CJK terms of three characters or more, checked as written.
    /// </summary>
    private sealed record Query(IReadOnlyList<WordTerm> Words, string? Cjk, IReadOnlyList<string> Written)
    {
        public bool IsEmpty => Words.Count == 0 && Cjk is null;

        public static Query From(IReadOnlyList<SearchTerm> terms)
        {
            var words = new List<WordTerm>();
            var cjk = new List<string>();
            var written = new List<string>();
            foreach (var term in terms)
            {
                if (term.Kind == SearchTermKind.ShortCjk)
                {
                    // Two characters are one bigram; one character is the start of the bigrams (or the lone character) it begins.
                    cjk.Add(Operand(term.Text, prefix: term.Text.Length == 1));
                    continue;
                }
                var runs = CjkRuns(term.Text);
                if (runs.Count > 0)
                {
                    cjk.AddRange(runs.SelectMany(run => run.Length == 1
                        ? [Operand(run, prefix: true)]
                        : Enumerable.Range(0, run.Length - 1).Select(i => Operand(run.Substring(i, 2), prefix: false))));
                    written.Add(term.Text);
                    continue;
                }
                // The words of a quoted phrase in order, one after the other.
                var parts = term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                words.Add(new WordTerm(
                    string.Join(" <-> ", parts.Select(w => Operand(w, prefix: false))),
                    string.Join(" <-> ", parts.Select(w => Operand(w, prefix: true)))));
            }
            return new Query(words, cjk.Count > 0 ? string.Join(" & ", cjk.Distinct()) : null, written);
        }

        /// <summary>
        /// The matching language versions as one composable SELECT. Each language's rows are matched with that
        /// language's configuration, so each branch of the OR is a GIN index scan.
        /// </summary>
        public string MatchSql(string? language)
        {
            var conditions = new List<string>();
            if (Words.Count > 0)
            {
                // Each language's own query decides, but one GIN scan with every configuration's words finds the
                // candidates: the planner would otherwise scan the index once per branch of the OR.
                if (language is null)
                {
                    conditions.Add($"s.\"Words\" @@ {AnyConfigurationWordsQuery()}");
                }
                conditions.Add("(" + string.Join(" OR ", Branches(language).Select(b => $"({b.Where} AND s.\"Words\" @@ {WordsQuery(b.Configuration)})")) + ")");
            }
            conditions.AddRange(CjkConditions("s", "s.\"Title\" || E'\\n' || s.\"Body\" || E'\\n' || s.\"Extra\""));
            if (language is not null)
            {
                conditions.Add("s.\"Language\" = @language");
            }
            var texts = $"""
                SELECT s."VersionId", s."DocumentId", s."Language"
                FROM "SearchText" s
                WHERE {string.Join(" AND ", conditions)}
                """;
            // A search limited to one language of text does not look at the catalogue record, which has no language.
            return language is not null ? texts : $"""
                {texts}
                UNION ALL
                SELECT 0, c."DocumentId", ''
                FROM "SearchCatalogue" c
                WHERE {string.Join(" AND ", CatalogueConditions())}
                """;
        }

        /// <summary>The record of a catalogue row holding every term: a word in any language's configuration.</summary>
        private IEnumerable<string> CatalogueConditions()
        {
            if (Words.Count > 0)
            {
                yield return $"c.\"Words\" @@ {AnyConfigurationWordsQuery()}";
            }
            foreach (var condition in CjkConditions("c", "c.\"Text\""))
            {
                yield return condition;
            }
        }

        /// <summary>The Chinese terms: every bigram in the row's <c>Cjk</c> vector, and each longer term as written in its text.</summary>
        private IEnumerable<string> CjkConditions(string row, string text)
        {
            if (Cjk is not null)
            {
                yield return $"{row}.\"Cjk\" @@ CAST(@cjk AS tsquery)";
            }
            for (var i = 0; i < Written.Count; i++)
            {
                yield return $"strpos(lower({text}), lower(@written{i})) > 0";
            }
        }

        /// <summary>The rank of the given documents' catalogue records (<c>@ids</c>).</summary>
        public string CatalogueRankSql()
        {
            var ranks = new List<string>();
            if (Words.Count > 0)
            {
                ranks.Add($"ts_rank(c.\"Words\", {AnyConfigurationWordsQuery()})");
            }
            if (Cjk is not null)
            {
                ranks.Add("ts_rank(c.\"Cjk\", CAST(@cjk AS tsquery))");
            }
            return $"""
                SELECT c."DocumentId" AS "Id", CAST({string.Join(" + ", ranks)} AS double precision) AS "Rank"
                FROM "SearchCatalogue" c
                WHERE c."DocumentId" = ANY(@ids)
                """;
        }

        /// <summary>Every word term as a form of the word in any of the stemmed languages, or the start of a word as typed.</summary>
        private string AnyConfigurationWordsQuery() =>
            "(" + string.Join(" && ", Words.Select((_, i) => "(" + string.Join(" || ", Stemmed.Select(s => $"to_tsquery('{s.Configuration}', @word{i})"))
                + $" || to_tsquery('{SimpleConfiguration}', @prefix{i}))")) + ")";

        /// <summary>The rank of the given versions (<c>@ids</c>), each with its language's configuration.</summary>
        public string RankSql(string? language)
        {
            var ranks = new List<string>();
            if (Words.Count > 0)
            {
                ranks.Add("CASE " + string.Join(" ", Branches(language).Select(b => $"WHEN {b.Where} THEN ts_rank(s.\"Words\", {WordsQuery(b.Configuration)})")) + " ELSE 0 END");
            }
            if (Cjk is not null)
            {
                ranks.Add("ts_rank(s.\"Cjk\", CAST(@cjk AS tsquery))");
            }
            return $"""
                SELECT s."VersionId" AS "Id", CAST({string.Join(" + ", ranks)} AS double precision) AS "Rank"
                FROM "SearchText" s
                WHERE s."VersionId" = ANY(@ids)
                """;
        }

        /// <summary>
        /// Every word term, each matched either as a form of the word in the language (stemmed, whole word)
        /// or as the start of a word as typed (unstemmed, prefix); the simple configuration has only the latter.
        /// </summary>
        private string WordsQuery(string configuration) =>
            "(" + string.Join(" && ", Words.Select((_, i) => configuration == SimpleConfiguration
                ? $"to_tsquery('{SimpleConfiguration}', @prefix{i})"
                : $"(to_tsquery('{configuration}', @word{i}) || to_tsquery('{SimpleConfiguration}', @prefix{i}))")) + ")";

        public IEnumerable<NpgsqlParameter> Parameters(string? language)
        {
            foreach (var parameter in TermParameters())
            {
                yield return parameter;
            }
            for (var i = 0; i < Written.Count; i++)
            {
                yield return new NpgsqlParameter($"written{i}", Written[i]);
            }
            if (language is not null)
            {
                yield return new NpgsqlParameter("language", language);
            }
        }

        /// <summary>The terms and <c>@ids</c>: the versions or documents to rank.</summary>
        public IEnumerable<NpgsqlParameter> RankParameters(int[] ids) =>
            TermParameters().Append(new NpgsqlParameter("ids", ids));

        private IEnumerable<NpgsqlParameter> TermParameters()
        {
            for (var i = 0; i < Words.Count; i++)
            {
                yield return new NpgsqlParameter($"word{i}", Words[i].Exact);
                yield return new NpgsqlParameter($"prefix{i}", Words[i].Prefix);
            }
            if (Cjk is not null)
            {
                yield return new NpgsqlParameter("cjk", Cjk);
            }
        }

        /// <summary>The languages asked for, each with its configuration, and the simple configuration for the rest.</summary>
        private static IEnumerable<(string Where, string Configuration)> Branches(string? language)
        {
            if (language is not null)
            {
                var configuration = Stemmed.FirstOrDefault(s => s.Language == language).Configuration ?? SimpleConfiguration;
                yield return ("TRUE", configuration);
                yield break;
            }
            foreach (var (code, configuration) in Stemmed)
            {
                yield return ($"s.\"Language\" = '{code}'", configuration);
            }
            yield return ($"s.\"Language\" NOT IN ({string.Join(", ", Stemmed.Select(s => $"'{s.Language}'"))})", SimpleConfiguration);
        }

        /// <summary>A quoted tsquery operand (quotes and backslashes doubled), optionally a prefix.</summary>
        private static string Operand(string text, bool prefix) =>
            "'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'" + (prefix ? ":*" : "");

        private static List<string> CjkRuns(string text)
        {
            var runs = new List<string>();
            var run = new StringBuilder();
            foreach (var c in text)
            {
                if (SearchText.IsCjk(c))
                {
                    run.Append(c);
                }
                else if (run.Length > 0)
                {
                    runs.Add(run.ToString());
                    run.Clear();
                }
            }
            if (run.Length > 0)
            {
                runs.Add(run.ToString());
            }
            return runs;
        }
    }
}
