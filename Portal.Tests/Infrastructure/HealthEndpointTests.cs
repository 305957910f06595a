using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Support;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// `/health/live` answers whenever the process does; `/health/ready` is 200 only while the database, the file
/// store and the search index all work, and 503 as soon as one does not (a damaged index included, which
/// `/healthz` reports as 200 "Degraded").
/// </summary>
public sealed class HealthEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHealthyPortalIsLiveAndReady()
    {
        await using var portal = new PortalAppFactory();
        using var client = portal.CreateClient();

        await AssertHealthAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");
        await AssertHealthAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");
        await AssertHealthAsync(client, "/healthz", HttpStatusCode.OK, "Healthy");
    }

    [Fact]
    public Task ADamagedSearchIndexMakesThePortalNotReady() =>
        AssertNotReadyOnceBrokenAsync(async portal =>
        {
            await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchIndex WHERE rowid IN (SELECT rowid FROM SearchIndex LIMIT 3)", Cancel);
        }, "Degraded", (HttpStatusCode.OK, "Degraded"));

    [Fact]
    public Task AMissingDatabaseFileMakesThePortalNotReadyButStillLive() =>
        AssertNotReadyOnceBrokenAsync(portal =>
        {
            File.Delete(Path.Combine(portal.DataPath, "portal.db"));
            return Task.CompletedTask;
        }, "Unhealthy", (HttpStatusCode.ServiceUnavailable, "Unhealthy"));

    [Fact]
    public Task AFileStoreThatDoesNotAnswerMakesThePortalNotReady() =>
        // /healthz keeps its two checks, as before.
        AssertNotReadyOnceBrokenAsync(portal =>
        {
            Directory.Delete(Path.Combine(portal.DataPath, "files"), recursive: true);
            return Task.CompletedTask;
        }, "Unhealthy", (HttpStatusCode.OK, "Healthy"));

    /// <summary>A ready portal, broken in one way: not ready (503), still live, and /healthz as it always answered.</summary>
    private static async Task AssertNotReadyOnceBrokenAsync(Func<PortalAppFactory, Task> breakIt, string readiness, (HttpStatusCode Status, string Body) healthz)
    {
        await using var portal = new PortalAppFactory();
        using var client = portal.CreateClient();
        await AssertHealthAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");

        await breakIt(portal);

        await AssertHealthAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, readiness);
        await AssertHealthAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");
        await AssertHealthAsync(client, "/healthz", healthz.Status, healthz.Body);
    }

    private static async Task AssertHealthAsync(HttpClient client, string path, HttpStatusCode status, string body)
    {
        var response = await client.GetAsync(path, Cancel);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(Cancel));
    }
}
