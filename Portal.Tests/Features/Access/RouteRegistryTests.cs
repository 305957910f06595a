using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Access;

/// <summary>
/// The route registry against the running portal: every route pattern the app maps (each Razor page route
/// and each minimal-API endpoint, read from ASP.NET Core's <see cref="EndpointDataSource"/>) is in
/// <see cref="RouteRegistry"/>, and every registry entry is still a route, so a new endpoint cannot be left
/// out of the access crawler.
/// </summary>
public sealed class RouteRegistryTests(RouteRegistryTests.App app) : IClassFixture<RouteRegistryTests.App>
{
    public sealed class App : PortalAppFactory
    {
        protected override bool SeedDemoData => false;
    }

    /// <summary>Blazor's own connection and framework files, and the static assets (MapStaticAssets): no documents there.</summary>
    private static bool IsInfrastructure(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } pattern
        && (pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("_blazor", StringComparison.Ordinal)
            || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("_framework", StringComparison.Ordinal)
            || pattern.StartsWith("/_content", StringComparison.Ordinal) || pattern.StartsWith("_content", StringComparison.Ordinal)
            || endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor"));

    private List<string> MappedPatterns()
    {
        using var client = app.CreateClient();
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsInfrastructure(e))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void EveryRouteTheAppMapsIsInTheRegistry()
    {
        var registered = RouteRegistry.All.Select(e => e.Pattern).ToHashSet(StringComparer.Ordinal);
        var missing = MappedPatterns().Where(p => !registered.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "Routes missing from RouteRegistry (add them with sample addresses):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryRegistryEntryIsARouteTheAppMaps()
    {
        var mapped = MappedPatterns().ToHashSet(StringComparer.Ordinal);
        var stale = RouteRegistry.All.Select(e => e.Pattern).Where(p => !mapped.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "RouteRegistry entries the app no longer maps:\n" + string.Join("\n", stale) + "\n\nMapped:\n" + string.Join("\n", mapped));
    }

    [Fact]
    public void EveryRouteHasSamplesOrSaysWhyNot()
    {
        Assert.All(RouteRegistry.All, e => Assert.True(e.Samples.Count > 0 || !string.IsNullOrEmpty(e.NotCrawled), e.Pattern));
        Assert.Equal(RouteRegistry.All.Count, RouteRegistry.All.Select(e => e.Pattern).Distinct(StringComparer.Ordinal).Count());
    }
}
