#:project ../Portal/Portal.csproj
#:package Lucene.Net@4.8.0-beta00018
#:package Lucene.Net.Analysis.Common@4.8.0-beta00018
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
// Issue 16's option (b), measured on the same corpus as the FTS5 word index: Lucene.NET 4.8 in process, on disk.
//   build <corpus .db> <index folder>            indexes every language version and catalogue row of the corpus from the
//                                                 same text and tags the FTS5 index is written from (SqliteSearchSchema)
//   query <corpus .db> <index folder> "q1|q2&session=ga-3&lang=en" [runs]
//                                                 times each search on both engines, alternating: the FTS5 engine's index
//                                                 call (SqliteSearchIndex.SearchAsync: the newest 1,000 texts ranked, the
//                                                 rest counted or estimated) and Lucene's (every match ranked and counted
//                                                 exactly, one hit per document, facets counted over all matches)
// Lucene's side mirrors the portal's: the terms as SearchInput parses them, a single word widened to the words it
// begins, Chinese as bigrams, the filters and the access class as tags, ranking by phrase, then title, then the newest.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Infrastructure;
using Directory = System.IO.Directory;
using Document = Lucene.Net.Documents.Document;

const LuceneVersion Version = LuceneVersion.LUCENE_48;
var text = Analyzer.NewAnonymous((_, reader) =>
{
    var tokenizer = new WordTokenizer(reader);
    return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
});
var analyzer = new PerFieldAnalyzerWrapper(text, new Dictionary<string, Analyzer> { ["Tags"] = new WhitespaceAnalyzer(Version) });
var (mode, corpus, folder) = (args[0], args[1], args[2]);

if (mode == "build")
{
    Build();
}
else
{
    await QueryAsync(args[3], args.Length > 4 ? int.Parse(args[4]) : 60);
}

void Build()
{
    var clock = Stopwatch.StartNew();
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, true);
    }
    using var directory = FSDirectory.Open(folder);
    var config = new IndexWriterConfig(Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = 512,
        // Merging only neighbouring segments keeps documents in the order written (row id order), as the newest-first ties need.
        MergePolicy = new LogByteSizeMergePolicy(),
    };
    using var writer = new IndexWriter(directory, config);
    using var connection = new SqliteConnection($"Data Source={corpus};Mode=ReadOnly");
    connection.Open();
    SqliteSearchFunctions.Register(connection);
    var last = Scalar(connection, "SELECT max(Id) FROM Documents");
    const string Insert = "INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)";
    var queue = new System.Collections.Concurrent.BlockingCollection<List<(long Row, string Title, string Body, string Extra, string Tags, int Day)>>(4);
    var reading = Task.Run(() =>
    {
        const int Batch = 5_000;
        for (long from = 1; from <= last; from += Batch)
        {
            var to = from + Batch - 1;
            var sql = SqliteSearchSchema.Insert($"v.DocumentId BETWEEN {from} AND {to}").Replace(Insert, "")
                + SqliteSearchSchema.InsertCatalogue($"d.Id BETWEEN {from} AND {to}").Replace(Insert, "");
            var rows = new List<(long, string, string, string, string, int)>();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            do
            {
                while (reader.Read())
                {
                    var tags = reader.GetString(4);
                    var day = tags.Split(' ').FirstOrDefault(t => t.StartsWith('t')) is { } d ? int.Parse(d[1..], CultureInfo.InvariantCulture) : 0;
                    rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), tags, day));
                }
            }
            while (reader.NextResult());
            rows.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            queue.Add(rows);
        }
        queue.CompleteAdding();
    });
    var titleType = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true };
    titleType.Freeze();
    var tagType = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY };
    tagType.Freeze();
    long written = 0;
    foreach (var batch in queue.GetConsumingEnumerable())
    {
        foreach (var (row, title, body, extra, tags, day) in batch)
        {
            var document = new Document
            {
                new Field("Title", title, titleType),
                new Field("Body", body, titleType),
                new Field("Extra", extra, titleType),
                new Field("Tags", tags, tagType),
                new NumericDocValuesField("row", row),
                new Int32Field("day", day, Field.Store.NO),
            };
            // The facets the search page shows, counted from doc values over every match.
            foreach (var tag in tags.Split(' ').Where(t => t.Length > 0 && "lskxdiy".Contains(t[0])).Distinct())
            {
                document.Add(new SortedSetDocValuesField("facet", new BytesRef(tag)));
            }
            writer.AddDocument(document);
        }
        written += batch.Count;
        Console.Error.Write($"\r{written:N0} rows, {clock.Elapsed.TotalSeconds:F0} s   ");
    }
    reading.Wait();
    Console.Error.WriteLine();
    var wroteAt = clock.Elapsed.TotalSeconds;
    writer.ForceMerge(1);
    writer.Commit();
    var size = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"Lucene index: {written:N0} rows; written in {wroteAt:F0} s, merged to one segment by {clock.Elapsed.TotalSeconds:F0} s; {size / 1e6:N0} MB");
}

async Task QueryAsync(string queries, int runs)
{
    using var directory = FSDirectory.Open(folder);
    using var reader = DirectoryReader.Open(directory);
    var searcher = new IndexSearcher(reader);
    var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
        .UseSqlite($"Data Source={corpus};Mode=ReadOnly").AddInterceptors(SqliteSearchFunctions.Interceptor).Options;
    var factory = new Factory(options);
    var fts5 = new SqliteSearchIndex(factory);
    await using var db = factory.CreateDbContext();
    var maxDocument = await db.Documents.MaxAsync(d => d.Id);
    Console.WriteLine("| search | FTS5 median / p95 | FTS5 found | Lucene, all matches: median / p95 | Lucene found (exact) | Lucene facet values | Lucene, count only: median | Lucene, first 1,001 rows: median |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var q in queries.Split('|'))
    {
        var filter = SearchQueryString.Parse("q=" + q);
        var input = SearchInput.Parse(filter.Query);
        var scope = await ScopeAsync(db, filter);
        var request = new SearchRequest(input.Terms, scope, Viewer.Anonymous, PortalOptions.DefaultSearchMatchLimit);
        var lucene = LuceneQuery(input.Terms, scope);
        var (ftsTimes, luceneTimes, countTimes, firstTimes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        SearchHits? ftsLast = null;
        SearchTotal? ftsTotal = null;
        Found? luceneLast = null;
        for (var run = 0; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            ftsLast = await fts5.SearchAsync(request, default);
            ftsTotal = await ftsLast.Total;
            var ftsMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            // The query is built anew each time: parsing the terms is part of a search's cost.
            luceneLast = Search(searcher, LuceneQuery(input.Terms, scope), maxDocument, 25);
            var luceneMs = clock.Elapsed.TotalMilliseconds;
            // What matching alone costs (every match visited, nothing kept), and what reading as far as the FTS5 engine reads
            // costs: the first 1,001 rows in index order (the oldest here; an index written newest first would give the newest).
            clock.Restart();
            searcher.Search(LuceneQuery(input.Terms, scope), new TotalHitCountCollector());
            var countMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            searcher.Search(LuceneQuery(input.Terms, scope), new FirstRowsCollector(PortalOptions.DefaultSearchMatchLimit + 1));
            var firstMs = clock.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                ftsTimes.Add(ftsMs);
                luceneTimes.Add(luceneMs);
                countTimes.Add(countMs);
                firstTimes.Add(firstMs);
            }
        }
        var overlap = ftsLast!.Hits.Take(25).Select(h => h.DocumentId).Intersect(luceneLast!.Top).Count();
        Console.WriteLine($"| `{q}` | {Median(ftsTimes):F1} / {P95(ftsTimes):F1} | {ftsTotal!.Count:N0}{(ftsTotal.IsExact ? "" : " (est.)")} | {Median(luceneTimes):F1} / {P95(luceneTimes):F1} | {luceneLast.Total:N0} | {luceneLast.Facets.Count:N0} | {Median(countTimes):F1} | {Median(firstTimes):F2} |");
        Console.Error.WriteLine($"  {q}: first 25 in common {overlap}; Lucene query {lucene}");
    }
}

// Every term required, in any of the three text fields; the filters and the access class on the tags.
Query LuceneQuery(IReadOnlyList<SearchTerm> terms, SearchScope scope)
{
    var all = new BooleanQuery(disableCoord: true);
    var title = new BooleanQuery(disableCoord: true);
    foreach (var term in terms)
    {
        all.Add(TermQuery(term, ["Title", "Body", "Extra"]), Occur.MUST);
        title.Add(TermQuery(term, ["Title"]), Occur.MUST);
    }
    var ranked = new BooleanQuery(disableCoord: true)
    {
        { new ConstantScoreQuery(all) { Boost = 0 }, Occur.MUST },
        { new ConstantScoreQuery(title) { Boost = 1 }, Occur.SHOULD },
    };
    var words = terms.Where(t => t.Kind == SearchTermKind.Substring && !t.IsPhrase && !t.Text.Any(SearchText.IsCjk)).ToList();
    if (words.Count >= 2 && words.Count == terms.Count)
    {
        ranked.Add(new ConstantScoreQuery(Either(["Title", "Body", "Extra"], f => Phrase(f, string.Join(' ', words.Select(w => w.Text))))) { Boost = 2 }, Occur.SHOULD);
    }
    void Tag(string tag) => ranked.Add(new ConstantScoreQuery(new TermQuery(new Term("Tags", tag))) { Boost = 0 }, Occur.MUST);
    if (scope.Language is { } language)
    {
        Tag(SearchTags.Language(language));
    }
    if (scope.SessionId is { } session)
    {
        Tag(SearchTags.Session(session));
    }
    if (scope.AgendaItemId is { } item)
    {
        Tag(SearchTags.AgendaItem(item));
    }
    if (scope.From is not null || scope.To is not null)
    {
        int Day(DateOnly? d, int otherwise) => d is { } x ? x.Year * 10000 + x.Month * 100 + x.Day : otherwise;
        ranked.Add(new ConstantScoreQuery(NumericRangeQuery.NewInt32Range("day", Day(scope.From, 0), Day(scope.To, 99999999), true, true)) { Boost = 0 }, Occur.MUST);
    }
    foreach (var status in Enum.GetValues<PublicationStatus>().Where(s => s != PublicationStatus.Published))
    {
        ranked.Add(new TermQuery(new Term("Tags", SearchTags.Status(status))), Occur.MUST_NOT);
    }
    ranked.Add(new TermQuery(new Term("Tags", SearchTags.Distribution(Distribution.Restricted))), Occur.MUST_NOT);
    return ranked;
}

// A single word is also the start of longer words; Chinese of one character the start of its bigrams; anything else a phrase.
Query TermQuery(SearchTerm term, string[] fields)
{
    var cjk = term.Text.Any(SearchText.IsCjk);
    var prefix = term.Kind == SearchTermKind.ShortCjk ? term.Text.Length == 1 : !cjk && !term.IsPhrase;
    var tokens = Tokens(term.Text);
    return prefix && tokens.Count == 1
        ? Either(fields, f => new PrefixQuery(new Term(f, tokens[0])))
        : Either(fields, f => Phrase(f, term.Text));
}

Query Phrase(string field, string words)
{
    var tokens = Tokens(words);
    if (tokens.Count == 1)
    {
        return new TermQuery(new Term(field, tokens[0]));
    }
    var phrase = new PhraseQuery();
    foreach (var token in tokens)
    {
        phrase.Add(new Term(field, token));
    }
    return phrase;
}

static Query Either(string[] fields, Func<string, Query> make)
{
    if (fields.Length == 1)
    {
        return make(fields[0]);
    }
    var either = new BooleanQuery(disableCoord: true);
    foreach (var field in fields)
    {
        either.Add(make(field), Occur.SHOULD);
    }
    return either;
}

List<string> Tokens(string words)
{
    var tokens = new List<string>();
    using var stream = text.GetTokenStream("Body", SearchText.IndexForm(words));
    var term = stream.AddAttribute<ICharTermAttribute>();
    stream.Reset();
    while (stream.IncrementToken())
    {
        tokens.Add(term.ToString());
    }
    stream.End();
    return tokens;
}

static Found Search(IndexSearcher searcher, Query query, int maxDocument, int pageSize)
{
    var collector = new DocumentCollector(maxDocument, pageSize);
    searcher.Search(query, collector);
    return collector.Result();
}

static async Task<SearchScope> ScopeAsync(PortalDbContext db, SearchFilter filter)
{
    int? session = filter.Session is { } s ? await db.Sessions.Where(x => x.Organ == s.Organ && x.Number == s.Number).Select(x => (int?)x.Id).FirstAsync() : null;
    int? item = filter.AgendaItem is { } i
        ? await db.AgendaItems.Where(a => a.Number == i.Number && a.Session.Organ == i.Organ && a.Session.Number == i.Session).Select(a => (int?)a.Id).FirstAsync()
        : null;
    return new SearchScope(session, item, filter.Organ, filter.Kind, filter.Sender, filter.Language, filter.From, filter.To, filter.Distribution);
}

static long Scalar(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

sealed record Found(int Total, IReadOnlyList<int> Top, Dictionary<string, int> Facets);

/// <summary>
/// Every match: the documents counted once each (a version or catalogue row per index document, row id = document × 8 + slot),
/// their facet values counted on a document's first match, and the best <c>pageSize</c> documents kept by score, then newest.
/// </summary>
sealed class DocumentCollector(int maxDocument, int pageSize) : ICollector
{
    private readonly bool[] seen = new bool[maxDocument + 1];
    private readonly PriorityQueue<(float Score, int Document), (float, int)> best = new();
    private readonly List<int[]> counts = [];
    private readonly List<SortedSetDocValues> facetsOfSegment = [];
    private int total;
    private Scorer scorer = null!;
    private NumericDocValues rows = null!;
    private SortedSetDocValues facets = null!;
    private int[] segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        rows = context.AtomicReader.GetNumericDocValues("row");
        facets = context.AtomicReader.GetSortedSetDocValues("facet") ?? DocValues.EMPTY_SORTED_SET;
        segmentCounts = new int[facets.ValueCount];
        counts.Add(segmentCounts);
        facetsOfSegment.Add(facets);
    }

    public void Collect(int doc)
    {
        var document = (int)(rows.Get(doc) >> 3);
        var score = scorer.GetScore();
        if (!seen[document])
        {
            seen[document] = true;
            total++;
            facets.SetDocument(doc);
            for (var ord = facets.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = facets.NextOrd())
            {
                segmentCounts[ord]++;
            }
        }
        // A document may come again with a better version: kept twice, told apart at the end, so the queue holds a margin.
        if (best.Count < pageSize * 2)
        {
            best.Enqueue((score, document), (score, document));
        }
        else if (best.TryPeek(out _, out var worst) && (score, document).CompareTo(worst) > 0)
        {
            best.EnqueueDequeue((score, document), (score, document));
        }
    }

    public Found Result()
    {
        var top = new List<(float Score, int Document)>();
        while (best.TryDequeue(out var hit, out _))
        {
            top.Add(hit);
        }
        var ordered = top.OrderByDescending(h => h.Score).ThenByDescending(h => h.Document).Select(h => h.Document).Distinct().Take(pageSize).ToList();
        var facetCounts = new Dictionary<string, int>();
        for (var s = 0; s < counts.Count; s++)
        {
            var scratch = new BytesRef();
            for (var ord = 0; ord < counts[s].Length; ord++)
            {
                if (counts[s][ord] > 0)
                {
                    facetsOfSegment[s].LookupOrd(ord, scratch);
                    var key = scratch.Utf8ToString();
                    facetCounts[key] = facetCounts.GetValueOrDefault(key) + counts[s][ord];
                }
            }
        }
        return new Found(total, ordered, facetCounts);
    }
}

/// <summary>Reads matches in index order, ranked as the scorer gives them, and stops after <c>rows</c> of them.</summary>
sealed class FirstRowsCollector(int rows) : ICollector
{
    private readonly List<(int, float)> read = new(rows);
    private Scorer scorer = null!;
    private int docBase;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        if (read.Count >= rows)
        {
            throw new CollectionTerminatedException();
        }
        docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        read.Add((docBase + doc, scorer.GetScore()));
        if (read.Count >= rows)
        {
            throw new CollectionTerminatedException();
        }
    }
}

/// <summary>Runs of letters, digits and private-use characters, as SQLite's unicode61 tokenizer cuts them.</summary>
sealed class WordTokenizer(TextReader reader) : CharTokenizer(LuceneVersion.LUCENE_48, reader)
{
    protected override bool IsTokenChar(int c) =>
        Rune.IsLetterOrDigit(new Rune(c)) || Rune.GetUnicodeCategory(new Rune(c)) is UnicodeCategory.PrivateUse or UnicodeCategory.NonSpacingMark;
}

sealed class Factory(DbContextOptions<SqlitePortalDbContext> o) : IDbContextFactory<PortalDbContext> { public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(o); }
