#:project ../Portal/Portal.csproj
#:property PublishAot=false
// Facets over the newest texts read (the portal default, Portal:SearchMatchLimit 1,000) against facets over every match,
// through the same SearchQueries, for BENCHMARKS.md ("Facet error"). The share of each value listed in the exact facets
// (count ÷ documents counted) is compared with its share in the sampled facets.
// Usage: dotnet run -c Release benchmarks/FacetError.cs -- <corpus .db> "refugees|地雷|беженцы" [max matched versions for "all"]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Data.Search;
using Portal.Features.Documents;
using Portal.Features.Search;
using Portal.Features.Sessions;
using Portal.Infrastructure;
var path = args[0];
var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly", s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(SqliteSearchFunctions.Interceptor).Options;
var factory = new Factory(options);
var index = new SqliteSearchIndex(factory) { ExactCountRows = int.MaxValue };
var docs = new DocumentQueries(factory);
var cache = new MemoryCache(new MemoryCacheOptions());
var catalogue = new CatalogueVersion();
var facts = new FacetFacts(factory, catalogue, TimeProvider.System);
var sessions = new SessionQueries(factory, cache, catalogue, TimeProvider.System);
var sample = new SearchQueries(factory, new SqliteSearchIndex(factory), docs, facts, sessions) { MaxMatchedVersions = 1000 };
var all = new SearchQueries(factory, index, docs, facts, sessions) { MaxMatchedVersions = int.Parse(args.Length > 2 ? args[2] : "400000") };
foreach (var q in args[1].Split('|'))
{
    var sw = Stopwatch.StartNew();
    var s = await sample.SearchAsync(new SearchFilter(q), 25, Viewer.Anonymous);
    var a = await all.SearchAsync(new SearchFilter(q), 25, Viewer.Anonymous);
    Console.WriteLine($"## {q}: sample {s.RankedCount} of about {s.TotalCount}; all {a.RankedCount} (total {a.TotalCount}, truncated {a.Truncated}) in {sw.Elapsed.TotalSeconds:F0} s");
    foreach (var exact in a.Facets)
    {
        var sampled = s.Facets.FirstOrDefault(f => f.Key == exact.Key);
        var sampledValues = sampled?.Values.ToDictionary(v => v.Label, v => v.Count) ?? [];
        var n = exact.Values.Count;
        var top = exact.Values.Take(Math.Min(n, 5)).ToList();
        var overlap = exact.Values.Count(v => sampledValues.ContainsKey(v.Label));
        var diffs = exact.Values.Select(v => Math.Abs(100.0 * v.Count / a.RankedCount!.Value - 100.0 * sampledValues.GetValueOrDefault(v.Label) / s.RankedCount!.Value)).ToList();
        Console.WriteLine($"{exact.Key,-11} exact values {n,2}, of them in the sample's list {overlap,2}; share error mean {diffs.Average(),5:F1} pp, max {diffs.Max(),5:F1} pp; exact top: {string.Join(", ", top.Select(v => $"{v.Label} {100.0 * v.Count / a.RankedCount!.Value:F1}%"))} | sample top: {string.Join(", ", (sampled?.Values ?? []).Take(5).Select(v => $"{v.Label} {100.0 * v.Count / s.RankedCount!.Value:F1}%"))}");
    }
}
sealed class Factory(DbContextOptions<SqlitePortalDbContext> o) : IDbContextFactory<PortalDbContext> { public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(o); }
