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
        var allowed = request.AllowedDocuments(db).Select(d => d.Id);
        var matches = db.Database.SqlQueryRaw<Match>(query.MatchSql(request.Scope.Language), [.. query.Parameters(request.Scope.Language)])
            .Where(m => allowed.Contains(m.DocumentId));
        // Newest first, one more than the limit to know whether the limit cut anything.
        var read = await matches.OrderByDescending(m => m.VersionId).Take(request.Limit + 1).ToListAsync(cancellationToken);
        var truncated = read.Count > request.Limit;
        if (truncated)
        {
            read.RemoveAt(read.Count - 1);
        }
        // Ranked in a second statement, over the versions read only: ts_rank in the first one was computed for
        // every match before the limit applied, most of the time of a search for a common word.
        var ranks = read.Count == 0 ? [] : await db.Database
            .SqlQueryRaw<Ranked>(query.RankSql(request.Scope.Language), [.. query.RankParameters(read.Select(m => m.VersionId).ToArray())])
            .ToDictionaryAsync(r => r.VersionId, r => r.Rank, cancellationToken);
        var hits = read.GroupBy(m => m.DocumentId)
            .Select(g => (Best: g.MaxBy(m => ranks.GetValueOrDefault(m.VersionId))!,
                MatchedIn: g.Select(m => m.Language).Distinct().OrderBy(l => Array.IndexOf(SearchTags.LanguageSlots, l)).ToList()))
            .Select(m => new SearchHit(m.Best.DocumentId, m.Best.VersionId, m.Best.Language, ranks.GetValueOrDefault(m.Best.VersionId)) { MatchedIn = m.MatchedIn })
            .OrderByDescending(h => h.Rank).ThenByDescending(h => h.DocumentId)
            .ToList();
        return new SearchHits(hits, truncated, hits.Count, TotalIsExact: !truncated);
    }

    public async Task<IReadOnlyList<IndexedText>> ReadTextsAsync(IReadOnlyCollection<int> versionIds, CancellationToken cancellationToken)
    {
        if (versionIds.Count == 0)
        {
            return [];
        }
        await using var db = contextFactory.CreateDbContext();
        var rows = await db.Database.SqlQueryRaw<TextRow>(
                """SELECT "VersionId", "Language", "Title", "Body", "Extra" FROM "SearchText" WHERE "VersionId" = ANY(@ids)""",
                new NpgsqlParameter("ids", versionIds.ToArray()))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new IndexedText(r.VersionId, r.Language, r.Title, r.Body, r.Extra)).ToList();
    }

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
                // The rows of those documents (and of any since deleted) are cleared, then written again from the view the triggers use.
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchText" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "SearchText" SELECT * FROM "SearchTextSource" WHERE "DocumentId" BETWEEN {from} AND {to}""", cancellationToken);
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
        var versions = await db.LanguageVersions.CountAsync(cancellationToken);
        var indexed = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchText" """).SingleAsync(cancellationToken);
        return new SearchIndexState(versions, indexed);
    }

    private sealed class TextRow
    {
        public int VersionId { get; init; }

        public string Language { get; init; } = "";

        public string Title { get; init; } = "";

        public string Body { get; init; } = "";

        public string Extra { get; init; } = "";
    }

    /// <summary>One alphabetic term as tsquery text: its words whole (for stemming) and as prefixes.</summary>
    private sealed record WordTerm(string Exact, string Prefix);

    /// <summary>A language version holding every term.</summary>
    private sealed class Match
    {
        public int VersionId { get; init; }

        public int DocumentId { get; init; }

        public string Language { get; init; } = "";
    }

    /// <summary>A matching version's rank (higher is better).</summary>
    private sealed class Ranked
    {
        public int VersionId { get; init; }

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
                conditions.Add("(" + string.Join(" OR ", Branches(language).Select(b => $"({b.Where} AND s.\"Words\" @@ {WordsQuery(b.Configuration)})")) + ")");
            }
            if (Cjk is not null)
            {
                conditions.Add("s.\"Cjk\" @@ CAST(@cjk AS tsquery)");
            }
            for (var i = 0; i < Written.Count; i++)
            {
                conditions.Add($"strpos(lower(s.\"Title\" || E'\\n' || s.\"Body\" || E'\\n' || s.\"Extra\"), lower(@written{i})) > 0");
            }
            if (language is not null)
            {
                conditions.Add("s.\"Language\" = @language");
            }
            return $"""
                SELECT s."VersionId", s."DocumentId", s."Language"
                FROM "SearchText" s
                WHERE {string.Join(" AND ", conditions)}
                """;
        }

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
                SELECT s."VersionId", CAST({string.Join(" + ", ranks)} AS double precision) AS "Rank"
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

        public IEnumerable<NpgsqlParameter> RankParameters(int[] versionIds) =>
            TermParameters().Append(new NpgsqlParameter("ids", versionIds));

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
