using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Dumps;
using Portal.Infrastructure;
using Portal.Storage;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Dumps;

/// <summary>
/// The bulk dump read back through its public addresses: line by line it is the public catalogue (the API's
/// document walk), its SHA-256 and record count match the manifest, Restricted and unpublished documents never
/// appear; a write that fails leaves the previous dump in place; two instances at once write one dump.
/// </summary>
public abstract class BulkDumpTests(PortalAppFactory app)
{
    public sealed class SqliteApp : PortalAppFactory;

    public sealed class PostgreSqlApp : PortalAppFactory
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    public sealed class OnSqlite(SqliteApp app) : BulkDumpTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgreSql(PostgreSqlApp app) : BulkDumpTests(app), IClassFixture<PostgreSqlApp>;

    private BulkDumpWriter Writer => app.Services.GetRequiredService<BulkDumpWriter>();

    [Fact]
    public async Task TheDumpIsThePublicCatalogueLineByLineWithTheManifestsHashAndCount()
    {
        var written = await Writer.WriteAsync("test", onlyIfDue: false);
        Assert.Equal(DumpOutcome.Written, written.Outcome);
        using var client = app.CreateClient();

        var manifest = await JsonAsync(client, "/api/v1/dumps/latest.json");
        var bytes = await client.GetByteArrayAsync("/api/v1/dumps/latest.jsonl.gz");
        Assert.Equal(manifest.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(manifest.GetProperty("bytes").GetInt64(), bytes.Length);
        Assert.EndsWith("/api/v1/dumps/latest.jsonl.gz", manifest.GetProperty("url").GetString(), StringComparison.Ordinal);
        var list = await JsonAsync(client, "/api/v1/dumps");
        Assert.Equal(manifest.GetProperty("sha256").GetString(), list.GetProperty("latest").GetProperty("sha256").GetString());

        var lines = Lines(bytes);
        Assert.Equal(manifest.GetProperty("records").GetInt32(), lines.Count);
        var dumped = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        // The API's walk of the catalogue, as the public sees it.
        var api = new List<JsonElement>();
        for (string? next = "/api/v1/documents?limit=200"; next is not null;)
        {
            var page = await JsonAsync(client, next);
            api.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString()?.Replace("http://localhost", "");
        }
        Assert.Equal(api.Select(d => d.GetProperty("id").GetInt32()), dumped.Select(d => d.GetProperty("id").GetInt32()));
        foreach (var (fromApi, line) in api.Zip(dumped))
        {
            Assert.Equal(fromApi.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()), line.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(fromApi.GetProperty("title").GetString(), line.GetProperty("title").GetString());
            Assert.Equal(fromApi.GetProperty("kind").GetString(), line.GetProperty("kind").GetString());
            Assert.Equal(fromApi.GetProperty("languages").EnumerateArray().Select(s => s.GetString()),
                line.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("language").GetString()));
        }

        await using var db = await DatabaseAsync();
        var hidden = await db.Documents.Where(d => d.Distribution == Distribution.Restricted || d.Status != PublicationStatus.Published)
            .Select(d => new { d.Id, Symbols = d.Symbols.Select(s => s.Value).ToList() }).ToListAsync();
        Assert.Contains(hidden, d => d.Symbols.Contains("A/75/R.1"));
        Assert.True(hidden.Count >= 2, "The demo data has a Restricted document and a draft.");
        var text = string.Join("\n", lines);
        foreach (var document in hidden)
        {
            Assert.DoesNotContain(dumped, d => d.GetProperty("id").GetInt32() == document.Id);
            Assert.All(document.Symbols, s => Assert.DoesNotContain($"\"{s}\"", text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AWriteThatFailsLeavesThePreviousDumpInPlace()
    {
        Assert.Equal(DumpOutcome.Written, (await Writer.WriteAsync("test", onlyIfDue: false)).Outcome);
        using var client = app.CreateClient();
        var before = await JsonAsync(client, "/api/v1/dumps/latest.json");

        var faulty = new FaultyFileStore(app.Services.GetRequiredService<IDocumentFileStore>()) { FailPuts = true };
        var failing = ActivatorUtilities.CreateInstance<BulkDumpWriter>(app.Services, faulty);
        var result = await failing.WriteAsync("test", onlyIfDue: false);

        Assert.Equal(DumpOutcome.Failed, result.Outcome);
        Assert.Equal(1, faulty.FailedPuts);
        var after = await JsonAsync(client, "/api/v1/dumps/latest.json");
        Assert.Equal(before.GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
        Assert.Equal(before.GetProperty("writtenAt").GetString(), after.GetProperty("writtenAt").GetString());
        var bytes = await client.GetByteArrayAsync("/api/v1/dumps/latest.jsonl.gz");
        Assert.Equal(before.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(before.GetProperty("records").GetInt32(), Lines(bytes).Count);
        // The lease went back: the next write is not refused as if another instance held it.
        Assert.Equal(DumpOutcome.Written, (await Writer.WriteAsync("test", onlyIfDue: false)).Outcome);
    }

    [Fact]
    public async Task TwoInstancesAtNightWriteOneDumpAndALiveLeaseIsLeftToItsHolder()
    {
        await using (var db = await DatabaseAsync())
        {
            await db.BulkDumps.ExecuteDeleteAsync();
        }
        var instances = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<BulkDumpWriter>(app.Services)).ToList();
        var results = await Task.WhenAll(instances.Select(w => Task.Run(() => w.WriteAsync("nightly", onlyIfDue: true))));

        Assert.Single(results, r => r.Outcome == DumpOutcome.Written);
        Assert.All(results.Where(r => r.Outcome != DumpOutcome.Written), r => Assert.Contains(r.Outcome, new[] { DumpOutcome.AnotherInstanceIsWriting, DumpOutcome.NotDue }));
        await using (var db = await DatabaseAsync())
        {
            Assert.Equal(1, await db.BulkDumps.CountAsync());
            Assert.Equal(DumpOutcome.NotDue, (await Writer.WriteAsync("nightly", onlyIfDue: true)).Outcome);

            // Another instance is writing (its lease runs): this one leaves it alone.
            var until = DateTime.UtcNow.AddHours(1);
            await db.JobLeases.Where(l => l.Name == BulkDumpWriter.LeaseName).ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, "another-instance").SetProperty(l => l.Until, until));
            Assert.Equal(DumpOutcome.AnotherInstanceIsWriting, (await Writer.WriteAsync("test", onlyIfDue: false)).Outcome);
            // It died: once its lease has run out, the job is taken over.
            var past = DateTime.UtcNow.AddSeconds(-1);
            await db.JobLeases.Where(l => l.Name == BulkDumpWriter.LeaseName).ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, past));
            Assert.Equal(DumpOutcome.Written, (await Writer.WriteAsync("test", onlyIfDue: false)).Outcome);
        }
    }

    [Fact]
    public async Task NoDumpYetIsAReadable404()
    {
        await using (var db = await DatabaseAsync())
        {
            await db.BulkDumps.ExecuteDeleteAsync();
        }
        using var client = app.CreateClient();
        foreach (var path in new[] { "/api/v1/dumps/latest.json", "/api/v1/dumps/latest.jsonl.gz" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("No bulk dump has been written yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static List<string> Lines(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<PortalDbContext> DatabaseAsync() => app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}

/// <summary>
/// A mirror fetches the files from the dump alone: every link in it is absolute, on the portal's address, and
/// resolves. Without <c>Portal:PublicBaseUrl</c> the nightly writer uses the address it listens on (real Kestrel here).
/// </summary>
public class BulkDumpLinksTests(BulkDumpLinksTests.KestrelApp app) : IClassFixture<BulkDumpLinksTests.KestrelApp>
{
    public sealed class KestrelApp : PortalAppFactory
    {
        public Uri Address => _address ??= StartKestrel();

        private Uri? _address;
    }

    [Fact]
    public async Task EveryLinkInTheDumpIsAbsoluteAndAPublicFileDownloadsWithItsHash()
    {
        var address = app.Address;
        var writer = app.Services.GetRequiredService<BulkDumpWriter>();
        Assert.Equal(DumpOutcome.Written, (await writer.WriteAsync("nightly", onlyIfDue: false)).Outcome);
        using var client = new HttpClient { BaseAddress = address };
        var records = await BulkDumpRecords.ReadLatestAsync(client);

        var links = BulkDumpRecords.Links(records).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(address.GetLeftPart(UriPartial.Authority) + "/", link, StringComparison.Ordinal));
        var withFile = records.First(r => r.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("files").GetArrayLength() > 0));
        var file = withFile.GetProperty("versions").EnumerateArray().SelectMany(v => v.GetProperty("files").EnumerateArray()).First();

        // A client that knows nothing of the portal but the dump: absolute URLs only.
        using var mirror = new HttpClient();
        using var download = await mirror.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
        using var page = await mirror.GetAsync(withFile.GetProperty("permalink").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

/// <summary>With <c>Portal:PublicBaseUrl</c> set (with a path), the dump's links use it whoever asked for the dump.</summary>
public class BulkDumpPublicBaseUrlTests(BulkDumpPublicBaseUrlTests.Fixture app) : IClassFixture<BulkDumpPublicBaseUrlTests.Fixture>
{
    private const string BaseUrl = "https://documents.example.org/un/";

    public sealed class Fixture : PortalAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:PublicBaseUrl", BaseUrl)];
    }

    [Fact]
    public async Task TheDumpsLinksAreOnThePublicBaseUrlAndResolveOnThePortal()
    {
        var writer = app.Services.GetRequiredService<BulkDumpWriter>();
        Assert.Equal(DumpOutcome.Written, (await writer.WriteAsync("test", onlyIfDue: false, siteUrl: "http://internal-host:8080/")).Outcome);
        using var client = app.CreateClient();
        var records = await BulkDumpRecords.ReadLatestAsync(client);

        var links = BulkDumpRecords.Links(records).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(BaseUrl, link, StringComparison.Ordinal));
        var file = records.SelectMany(r => r.GetProperty("versions").EnumerateArray()).SelectMany(v => v.GetProperty("files").EnumerateArray()).First();
        using var download = await client.GetAsync("/" + file.GetProperty("url").GetString()![BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
    }
}

internal static class BulkDumpRecords
{
    public static async Task<List<JsonElement>> ReadLatestAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync("/api/v1/dumps/latest.jsonl.gz");
        using var reader = new StreamReader(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));
        var records = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            records.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        return records;
    }

    /// <summary>The permalinks of documents and versions and the files' download URLs.</summary>
    public static IEnumerable<string> Links(IEnumerable<JsonElement> records)
    {
        foreach (var record in records)
        {
            yield return record.GetProperty("permalink").GetString()!;
            foreach (var version in record.GetProperty("versions").EnumerateArray())
            {
                yield return version.GetProperty("permalink").GetString()!;
                foreach (var file in version.GetProperty("files").EnumerateArray())
                {
                    yield return file.GetProperty("url").GetString()!;
                }
            }
        }
    }
}
