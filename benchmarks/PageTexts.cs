#:project ../Portal/Portal.csproj
#:property PublishAot=false
// The texts and snippets of one search page, in process, on one corpus: for each query, its first 25 hits' texts read
// (ReadShownTextsAsync) and their passages cut (SnippetBuilder.Build), each repeated after WARM_SECONDS (default 5) of the
// same work, so that .NET's tiered JIT has compiled the final code (a few dozen runs still run much of it unoptimised:
// snippets then cost 4-5x as much). Per hit: microseconds per passage / characters of the body.
// Usage: dotnet run -c Release benchmarks/PageTexts.cs -- <corpus .db> "refugees|الهجرة|气候变化" [runs]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Infrastructure;

var path = args[0];
var runs = args.Length > 2 ? int.Parse(args[2]) : 200;
var warm = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("WARM_SECONDS") ?? "5"));
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
    .UseSqlite($"Data Source={path};Mode=ReadOnly").AddInterceptors(SqliteSearchFunctions.Interceptor).Options;
var index = new SqliteSearchIndex(new Factory(options));
var queries = new List<(string Query, IReadOnlyList<SearchTerm> Terms, List<SearchHit> Page)>();
foreach (var q in args[1].Split('|'))
{
    var terms = SearchInput.Parse(q).Terms;
    var hits = await index.SearchAsync(new SearchRequest(terms, SearchScope.Everything, Viewer.Anonymous, 1000), default);
    queries.Add((q, terms, hits.Hits.Take(25).ToList()));
}

var warming = Stopwatch.StartNew();
while (warming.Elapsed < warm)
{
    foreach (var (_, terms, page) in queries)
    {
        Snippets(await index.ReadShownTextsAsync(page, default), page, terms);
    }
}
foreach (var (query, terms, page) in queries)
{
    var clock = Stopwatch.StartNew();
    IReadOnlyDictionary<int, IndexedText> texts = null!;
    for (var i = 0; i < runs; i++)
    {
        texts = await index.ReadShownTextsAsync(page, default);
    }
    var read = clock.Elapsed.TotalMilliseconds / runs;
    clock.Restart();
    for (var i = 0; i < runs; i++)
    {
        Snippets(texts, page, terms);
    }
    var snippets = clock.Elapsed.TotalMilliseconds / runs;
    var each = page.Where(h => texts.ContainsKey(h.DocumentId)).Select(h =>
    {
        var text = texts[h.DocumentId];
        var one = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            SnippetBuilder.Build(text, terms);
        }
        return $"{one.Elapsed.TotalMicroseconds / runs:F0}/{text.Body.Length}";
    });
    Console.WriteLine($"{query}: {texts.Count} texts, {texts.Values.Sum(t => t.Title.Length + t.Body.Length + t.Extra.Length)} characters; read {read:F3} ms, snippets {snippets:F3} ms");
    Console.WriteLine("  µs/characters: " + string.Join(" ", each));
}

static void Snippets(IReadOnlyDictionary<int, IndexedText> texts, List<SearchHit> page, IReadOnlyList<SearchTerm> terms)
{
    foreach (var hit in page.Where(h => texts.ContainsKey(h.DocumentId)))
    {
        _ = hit.MatchedIn.Count == 0 ? SnippetBuilder.Opening(texts[hit.DocumentId]) : SnippetBuilder.Build(texts[hit.DocumentId], terms);
    }
}

sealed class Factory(DbContextOptions<SqlitePortalDbContext> o) : IDbContextFactory<PortalDbContext> { public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(o); }
