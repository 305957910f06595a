using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Data.Search;
using CorpusGenerator;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// The benchmark corpus generator, run small: a real SQLite file the portal then opens as its own
/// database, searched over HTTP. The million-document run is a benchmark (benchmarks/search.sh), not a test.
/// </summary>
public sealed class SyntheticCorpusTests(SyntheticCorpusTests.Corpus corpus) : IClassFixture<SyntheticCorpusTests.Corpus>
{
    private const int Documents = 300;
    private readonly string _folder = corpus.Folder;
    private readonly StringWriter _log = corpus.Log;
    private string DatabasePath => corpus.DatabasePath;

    /// <summary>One small corpus for the class; the tests only read it (the index test restores what it rewrites).</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "portal-tests", "corpus-" + Guid.NewGuid().ToString("N"));

        public StringWriter Log { get; } = new();

        public string DatabasePath => Path.Combine(Folder, "corpus.db");

        public async ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            await new SyntheticCorpusGenerator(Log).GenerateAsync(DatabasePath, Documents, seed: 7, TestContext.Current.CancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        SqliteSearchFunctions.Register(connection);
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void TheGeneratorReportsProgressAndLeavesOnlyTheFinishedFile()
    {
        var log = _log.ToString();
        Assert.Contains($"written {Documents:N0} / {Documents:N0} documents", log);
        Assert.Contains($"indexed {Documents:N0} / {Documents:N0} documents", log);
        Assert.Contains("Done:", log);
        Assert.Equal(["corpus.db"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task TheGeneratorRefusesToOverwriteADatabase()
    {
        Assert.Equal(2, await CorpusCommand.RunAsync(["--documents", "5", "--database", DatabasePath]));
        Assert.Equal(2, await CorpusCommand.RunAsync(["--documents", "many", "--database", Path.Combine(_folder, "x.db")]));
        Assert.False(File.Exists(Path.Combine(_folder, "x.db")));
    }

    [Fact]
    public void TheCorpusHasTheShapeOfTheRealOne()
    {
        using var connection = Open();
        Assert.Equal(Documents, Scalar(connection, "SELECT count(*) FROM Documents"));
        Assert.Equal(80, Scalar(connection, $"SELECT count(*) FROM Sessions WHERE Organ = {(int)Organ.GeneralAssembly} AND Number BETWEEN 1 AND 80"));
        Assert.Equal(80, Scalar(connection, $"SELECT count(DISTINCT Number) FROM Sessions WHERE Organ = {(int)Organ.SecurityCouncil} AND Number BETWEEN 1946 AND 2025"));
        Assert.True(Scalar(connection, "SELECT count(*) FROM AgendaItems") >= 80 * 100);
        // Every document has two language versions or more, and Chinese bodies are there.
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM Documents d WHERE (SELECT count(*) FROM LanguageVersions v WHERE v.DocumentId = d.Id) < 2"));
        Assert.True(Scalar(connection, "SELECT count(*) FROM LanguageVersions WHERE Language = 'zh' AND length(BodyMarkdown) > 100") > 10);
        Assert.True(Scalar(connection, "SELECT avg(length(BodyMarkdown)) FROM LanguageVersions WHERE Language = 'en'") > 800);
        // Joint symbols, Corr./Add./Rev., reply threads, annexes, signatories.
        Assert.True(Scalar(connection, "SELECT count(*) FROM DocumentSymbols WHERE Position = 1") > 0);
        Assert.True(Scalar(connection, "SELECT count(*) FROM DocumentSymbols WHERE Value LIKE '%/Corr.%' OR Value LIKE '%/Add.%' OR Value LIKE '%/Rev.%'") > 0);
        Assert.True(Scalar(connection, $"SELECT count(*) FROM CrossReferences WHERE Relation = {(int)ReferenceRelation.RepliesTo}") > 0);
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM CrossReferences r WHERE NOT EXISTS (SELECT 1 FROM DocumentSymbols s WHERE s.Key = r.TargetKey)"));
        Assert.True(Scalar(connection, "SELECT count(*) FROM Annexes") > 0);
        Assert.True(Scalar(connection, "SELECT count(*) FROM Signatories") > 0);
        Assert.True(Scalar(connection, "SELECT count(*) FROM DocumentAgendaItems") > 0);
        Assert.True(Scalar(connection, $"SELECT count(*) FROM Documents WHERE Distribution = {(int)Distribution.General}") > Documents / 2);
        Assert.Equal(12, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'SearchIndex_%'"));
        // Planner statistics for the relational tables only; the FTS5 shadow tables are not worth a pass.
        Assert.True(Scalar(connection, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'DocumentAgendaItems'") > 0);
        Assert.Equal(0, Scalar(connection, "SELECT count(*) FROM sqlite_stat1 WHERE tbl LIKE 'Search%'"));
    }

    [Fact]
    public void TheBulkIndexHoldsExactlyWhatTheSchemaTriggersWouldIndex()
    {
        using var connection = Open();
        static List<string> Snapshot(SqliteConnection c)
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT rowid, Title, Body, Extra, DocumentId, Language FROM SearchText ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, 6).Select(reader.GetString)));
            }
            return rows;
        }
        long Count(string match) => Scalar(connection, $"SELECT count(*) FROM SearchCjk WHERE SearchCjk MATCH '{match}'");

        var bulk = Snapshot(connection);
        var bulkChinese = (Count("地雷"), Count("荒漠"), Count("秘书"));
        using (var rebuild = connection.CreateCommand())
        {
            rebuild.CommandText = SqliteSearchSchema.RebuildAll;
            rebuild.ExecuteNonQuery();
        }

        Assert.Equal(Scalar(connection, "SELECT count(*) FROM LanguageVersions"), bulk.Count);
        Assert.Equal(Snapshot(connection), bulk);
        Assert.Equal((Count("地雷"), Count("荒漠"), Count("秘书")), bulkChinese);
        Assert.True(bulkChinese.Item3 > 0);
    }

    [Fact]
    public async Task ThePortalOpensTheCorpusAsCurrentAndSearchesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = new CorpusPortal(DatabasePath);
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        await using (var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            Assert.Equal(Documents, await db.Documents.CountAsync(ct));
        }

        var chinese = await client.GetAsync("/search?q=" + Uri.EscapeDataString("秘书长"), ct);
        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        var html = await chinese.Content.ReadAsStringAsync(ct);
        Assert.Contains("<mark>秘书长</mark>", html);
        Assert.Contains("lang=\"zh\"", html);

        var english = await (await client.GetAsync("/search?q=Synthetic", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("<mark>", english);

        string symbol;
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT s.Value FROM DocumentSymbols s JOIN Documents d ON d.Id = s.DocumentId WHERE d.Distribution = {(int)Distribution.General} AND d.Status = {(int)PublicationStatus.Published} AND s.Position = 0 LIMIT 1";
            symbol = (string)command.ExecuteScalar()!;
        }
        var redirect = await client.GetAsync("/search?q=" + Uri.EscapeDataString(symbol.ToLowerInvariant()), ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith("/" + symbol, redirect.Headers.Location!.OriginalString);
    }

    private sealed class CorpusPortal(string databasePath) : PortalAppFactory
    {
        protected override bool SeedDemoData => false;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("ConnectionStrings:Portal", $"Data Source={databasePath}")];
    }
}
