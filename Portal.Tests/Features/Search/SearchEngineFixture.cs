using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Data.Search;
using Portal.Features.Documents;
using Portal.Features.Search;
using Portal.Features.Sessions;
using Portal.Infrastructure;

namespace Portal.Tests.Features.Search;

/// <summary>The demo catalogue in a database of some engine, and that engine's <see cref="ISearchIndex"/> over it.</summary>
public sealed class SearchEngine(IDbContextFactory<PortalDbContext> database, ISearchIndex index, IAsyncDisposable storage) : IAsyncDisposable
{
    public IDbContextFactory<PortalDbContext> Database => database;

    public ISearchIndex Index => index;

    public SearchQueries Queries(int maxMatchedVersions = PortalOptions.DefaultSearchMatchLimit) =>
        new(database, index, new DocumentQueries(database), new FacetFacts(database, new CatalogueVersion(), TimeProvider.System),
            new SessionQueries(database, new MemoryCache(new MemoryCacheOptions()), new CatalogueVersion(), TimeProvider.System))
        { MaxMatchedVersions = maxMatchedVersions };

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}

/// <summary>
/// What an engine provides to run <see cref="SearchBehaviourTests{TEngine}"/>: a seeded catalogue shared by the
/// tests that only read, and a fresh one for each test that writes.
/// </summary>
public abstract class SearchEngineFixture : IAsyncLifetime
{
    private SearchEngine? _shared;

    public SearchEngine Shared => _shared ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>A new database holding the demo data (loaded by <c>DemoDataSeeder</c>), indexed, with its index.</summary>
    public abstract Task<SearchEngine> CreateSeededAsync();

    public async ValueTask InitializeAsync() => _shared = await CreateSeededAsync();

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }
    }
}
