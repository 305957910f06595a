using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data.Search;
using Portal.Features.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Search;

/// <summary>
/// What every engine's rebuild must do, given SQL that damages its index (each engine stores it differently):
/// the health check sees the damage, search misses the damaged document, and <c>reindex</c> (the command, in
/// small batches) puts everything back with its progress printed.
/// </summary>
public static class SearchRebuildCheck
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task DamageIsReportedAndTheRebuildRepairsItAsync(SearchEngine scratch, ISearchIndex batched, Func<int, string> damage)
    {
        Task<SearchResults> Find(string query) => scratch.Queries().SearchAsync(new SearchFilter(query), 25, Viewers.Public, Cancel);
        var health = new SearchIndexHealthCheck(scratch.Index);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status);
        int documentId;
        int citations;
        await using (var db = scratch.Database.CreateDbContext())
        {
            documentId = await db.Documents.Where(d => d.Symbols.Any(s => s.Key == "A/74/600")).Select(d => d.Id).SingleAsync(Cancel);
            await db.Database.ExecuteSqlRawAsync(damage(documentId), Cancel);
            // Texts saved before the citation table existed have no rows in it either: reindex fills them.
            citations = await db.TextCitations.CountAsync(Cancel);
            Assert.True(citations > 0);
            await db.TextCitations.ExecuteDeleteAsync(Cancel);
        }

        var damaged = await health.CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.Equal(HealthStatus.Degraded, damaged.Status);
        Assert.Contains("reindex", damaged.Description);
        Assert.Equal(0, (await Find("disarmament")).TotalCount);

        var output = new StringWriter();
        Assert.Equal(0, await new ReindexCommand(batched, scratch.Database).RunAsync(output, Cancel));

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status);
        Assert.Single((await Find("disarmament")).Items);
        var printed = output.ToString();
        Assert.Contains("(100 %", printed);
        Assert.True(printed.Split('\n').Count(l => l.Contains(" documents (", StringComparison.Ordinal)) >= 3, printed);
        Assert.Contains("Done:", printed);
        Assert.Contains("Citations in the texts of", printed);
        await using (var db = scratch.Database.CreateDbContext())
        {
            Assert.Equal(citations, await db.TextCitations.CountAsync(Cancel));
        }
    }
}
