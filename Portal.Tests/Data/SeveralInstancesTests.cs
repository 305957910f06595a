using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// Two portal instances on one PostgreSQL database and one S3 bucket, as behind a load balancer:
/// what one writes, the other shows at once (not after the cache's expiry), files uploaded through one
/// download from the other, and what one instance's Data Protection keys protect, the other reads.
/// </summary>
public sealed class SeveralInstancesTests(SeveralInstancesTests.Pair instances) : IClassFixture<SeveralInstancesTests.Pair>
{
    public sealed class Pair : IAsyncLifetime
    {
        private readonly string _prefix = S3TestServer.NewPrefix();

        public Instance First { get; private set; } = null!;
        public Instance Second { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            First = new Instance(_prefix, database: null);
            _ = First.Services;
            Second = new Instance(_prefix, First.PostgreSqlConnectionString);
            _ = Second.Services;
            await First.Services.GetRequiredService<PostgreSqlCatalogueListener>().Listening;
            await Second.Services.GetRequiredService<PostgreSqlCatalogueListener>().Listening;
        }

        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }

    /// <summary>One portal process's worth: the first creates and seeds the database, the second joins it.</summary>
    public sealed class Instance : PortalAppFactory
    {
        private readonly string _prefix;
        private readonly bool _first;

        public Instance(string prefix, string? database)
        {
            _prefix = prefix;
            _first = database is null;
            if (database is not null)
            {
                UsePostgreSqlDatabase(database);
            }
        }

        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        protected override bool SeedDemoData => _first;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => S3TestServer.PortalSettings(_prefix);
    }

    private static async Task<int?> CountOnHomePageAsync(Instance instance)
    {
        using var client = instance.CreateClient();
        return await HomePageCounts.OfAsync(client);
    }

    [Fact]
    public async Task ADocumentRegisteredThroughOneInstanceIsCountedOnTheOtherAtOnce()
    {
        var before = await CountOnHomePageAsync(instances.Second);
        Assert.NotNull(before);
        var secondVersion = instances.Second.Services.GetRequiredService<CatalogueVersion>();
        var seen = secondVersion.Current;

        await TestDocuments.AddAsync(instances.First.Services, "A/75/5151", session: 75);

        // The notification arrives in milliseconds; the deadline only bounds a broken build, and stays
        // below the cache's own expiry (CatalogueVersion.MaxAge) so that expiry cannot pass for it.
        var deadline = DateTime.UtcNow + CatalogueVersion.MaxAge / 2;
        while (secondVersion.Current == seen && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.NotEqual(seen, secondVersion.Current);
        Assert.Equal(before + 1, await CountOnHomePageAsync(instances.Second));
    }

    [Fact]
    public async Task AFileUploadedThroughOneInstanceDownloadsFromTheOther()
    {
        var version = await TestDocuments.AddAsync(instances.First.Services, "A/75/5252", session: 75);
        var (bytes, _) = TestDocuments.FakePdf(200_000, seed: 52);
        await TestDocuments.AttachAsync(instances.First.Services, version, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");

        using var client = instances.Second.CreateClient();
        var downloaded = await client.GetByteArrayAsync("/A/75/5252/en.pdf", TestContext.Current.CancellationToken);

        Assert.Equal(bytes, downloaded);
    }

    [Fact]
    public async Task WhatOneInstanceProtectsTheOtherReads()
    {
        // Antiforgery tokens and sign-in cookies are Data Protection payloads: this is what lets a
        // form rendered by one instance post to the other.
        var purpose = "Portal.Tests.SeveralInstances";
        var protectedByFirst = instances.First.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("delegate-1");

        var readBySecond = instances.Second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedByFirst);

        Assert.Equal("delegate-1", readBySecond);
        // Shared through the database, not through a folder both test instances happen to see.
        await using var db = instances.Second.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }
}
