#:project ../Portal/Portal.csproj
#:property PublishAot=false
// Where a search's time goes, in process, on one corpus: the whole SearchQueries.SearchAsync, the index call alone,
// and every SQLite statement either runs (SQLite's own profile hook: time inside SQLite, per statement text).
// Medians over the runs after one warm-up; the machine should be quiet.
// Usage: dotnet run -c Release benchmarks/SearchProfile.cs -- <corpus .db> "refugees|地雷|fisheries&session=ga-3&lang=en" [runs] [match limit]
// Environment: SAMPLE_ROWS and SAMPLE_WINDOWS size the count's sample (the index's own defaults otherwise); PRAGMAS is run on every connection opened
// (e.g. PRAGMAS="PRAGMA mmap_size=2147418112"); FACET_FACTS=0 keeps no facet facts in memory, so every search reads them (the cold path).
// WARM_SECONDS (default 10) of every query, untimed, come first, so that .NET's tiered JIT has compiled the final code: without
// them most of the C# work (texts, snippets, shaping rows) ran unoptimised and was overstated 2-4x (BENCHMARKS.md, 2026-12-05).
using System.Diagnostics;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Data.Search;
using Portal.Features.Documents;
using Portal.Features.Search;
using Portal.Features.Sessions;
using Portal.Infrastructure;
using SQLitePCL;

var path = args[0];
var runs = args.Length > 2 ? int.Parse(args[2]) : 20;
var limit = args.Length > 3 ? int.Parse(args[3]) : PortalOptions.DefaultSearchMatchLimit;
var statements = new Dictionary<string, List<double>>();
var profile = new Profile(statements);
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
    .UseSqlite($"Data Source={path};Mode=ReadOnly", s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
    .AddInterceptors(SqliteSearchFunctions.Interceptor, profile).Options;
var factory = new Factory(options);
var defaults = new SqliteSearchIndex(factory);
var index = new SqliteSearchIndex(factory)
{
    SampleRows = int.TryParse(Environment.GetEnvironmentVariable("SAMPLE_ROWS"), out var sampleRows) ? sampleRows : defaults.SampleRows,
    SampleWindows = int.TryParse(Environment.GetEnvironmentVariable("SAMPLE_WINDOWS"), out var sampleWindows) ? sampleWindows : defaults.SampleWindows,
};
var cache = new MemoryCache(new MemoryCacheOptions());
var catalogue = new CatalogueVersion();
var queries = new SearchQueries(factory, index, new DocumentQueries(factory), new FacetFacts(factory, catalogue, TimeProvider.System) { MaxDocuments = int.Parse(Environment.GetEnvironmentVariable("FACET_FACTS") ?? "250000") }, new SessionQueries(factory, cache, catalogue, TimeProvider.System))
{
    MaxMatchedVersions = limit,
};
var warm = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("WARM_SECONDS") ?? "10"));
var warming = Stopwatch.StartNew();
while (warming.Elapsed < warm)
{
    foreach (var q in args[1].Split('|'))
    {
        var filter = q.Contains('=') ? SearchQueryString.Parse("q=" + q) : new SearchFilter(q);
        await queries.SearchAsync(filter, 25, Viewer.Anonymous);
        var input = SearchInput.Parse(filter.Query);
        var hits = await index.SearchAsync(new SearchRequest(input.Terms, SearchScope.Everything, Viewer.Anonymous, limit), default);
        await hits.Total;
        var page = hits.Hits.Take(25).ToList();
        var texts = await index.ReadShownTextsAsync(page, default);
        foreach (var hit in page.Where(h => texts.ContainsKey(h.DocumentId)))
        {
            _ = hit.MatchedIn.Count == 0 ? SnippetBuilder.Opening(texts[hit.DocumentId]) : SnippetBuilder.Build(texts[hit.DocumentId], input.Terms);
        }
    }
}
foreach (var q in args[1].Split('|'))
{
    var whole = new List<double>();
    var indexOnly = new List<double>();
    var textsRead = new List<double>();
    var snippets = new List<double>();
    SearchResults? last = null;
    // "fisheries&session=ga-3&lang=en" is a filtered search, written as the search page's query string; its index call
    // below is timed without the filters.
    var filter = q.Contains('=') ? SearchQueryString.Parse("q=" + q) : new SearchFilter(q);
    for (var run = 0; run <= runs; run++)
    {
        profile.Recording = run > 0;
        var clock = Stopwatch.StartNew();
        last = await queries.SearchAsync(filter, 25, Viewer.Anonymous);
        var wholeMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        profile.Recording = false;
        var input = SearchInput.Parse(filter.Query);
        var hits = await index.SearchAsync(new SearchRequest(input.Terms, SearchScope.Everything, Viewer.Anonymous, limit), default);
        await hits.Total;
        var indexMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var page = hits.Hits.Take(25).ToList();
        var texts = await index.ReadShownTextsAsync(page, default);
        var readMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        foreach (var hit in page.Where(h => texts.ContainsKey(h.DocumentId)))
        {
            _ = hit.MatchedIn.Count == 0 ? SnippetBuilder.Opening(texts[hit.DocumentId]) : SnippetBuilder.Build(texts[hit.DocumentId], input.Terms);
        }
        var snippetMs = clock.Elapsed.TotalMilliseconds;
        if (run > 0)
        {
            whole.Add(wholeMs);
            indexOnly.Add(indexMs);
            textsRead.Add(readMs);
            snippets.Add(snippetMs);
        }
    }
    Console.WriteLine($"## {q}: {last!.TotalCount} found, {last.RankedCount} ranked; whole search median {Median(whole):F1} ms, index call {Median(indexOnly):F1} ms, 25 texts read {Median(textsRead):F1} ms, their snippets {Median(snippets):F1} ms");
    foreach (var (sql, times) in statements.OrderByDescending(s => s.Value.Sum()))
    {
        Console.WriteLine($"  {times.Sum() / runs,7:F2} ms/search  ({times.Count / runs,2}×, median {Median(times):F2})  {Flat(sql)}");
    }
    statements.Clear();
}

static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
static string Flat(string sql) => string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)) is var flat && flat.Length > 150 ? flat[..150] + "…" : flat;

sealed class Profile(Dictionary<string, List<double>> statements) : DbConnectionInterceptor
{
    public bool Recording { get; set; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Environment.GetEnvironmentVariable("PRAGMAS") is { Length: > 0 } pragmas)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
        raw.sqlite3_profile(((SqliteConnection)connection).Handle, (_, sql, ns) =>
        {
            if (Recording)
            {
                lock (statements)
                {
                    (statements.TryGetValue(sql, out var list) ? list : statements[sql] = []).Add(ns / 1e6);
                }
            }
        }, null);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}

sealed class Factory(DbContextOptions<SqlitePortalDbContext> o) : IDbContextFactory<PortalDbContext> { public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(o); }
