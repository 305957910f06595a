using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Tests.Support;

namespace Portal.Tests.Features.Portability;

/// <summary>
/// README "Moving to another database", run as written with the real program: a SQLite portal with the demo data
/// and an uploaded file is exported (<c>dotnet Portal.dll export</c>) while it runs, imported (<c>import</c>) into an
/// empty, migrated instance of either provider, its files copied; the target's own export holds the same rows, it
/// finds a word without a manual reindex, serves the file, and new rows get new ids. A non-empty target, a file cut
/// short, a damaged line and a file from a newer portal are refused with one sentence, the target left as it was.
/// </summary>
public abstract partial class ExportImportTests(DatabaseProvider target) : IAsyncLifetime
{
    public sealed class ToSqlite() : ExportImportTests(DatabaseProvider.Sqlite);

    public sealed class ToPostgreSql() : ExportImportTests(DatabaseProvider.PostgreSql);

    private const string UploadedSymbol = "A/75/9201";
    private const string SearchWord = "Quokkaexport";

    private readonly string _work = Path.Combine(Path.GetTempPath(), "portal-export-tests", Guid.NewGuid().ToString("N"));
    private PortalAppFactory _source = null!;
    private Target _target = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ExportPath => Path.Combine(_work, "portal.jsonl.gz");

    public async ValueTask InitializeAsync()
    {
        if (target == DatabaseProvider.PostgreSql)
        {
            PostgreSqlTestServer.Require();
        }
        Directory.CreateDirectory(_work);
        _source = new PortalAppFactory();
        _source.StartKestrel();
        _target = await Target.CreateAsync(target);
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        await _source.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>An empty, migrated instance, as `migrate` leaves it; it owns (drops) its PostgreSQL database.</summary>
    private sealed class Target(DatabaseProvider provider, string? database) : PreparedDatabasePortal(provider, database)
    {
        public static async Task<Target> CreateAsync(DatabaseProvider provider)
        {
            var target = new Target(provider, provider == DatabaseProvider.PostgreSql ? await PostgreSqlTestServer.CreateMigratedDatabaseAsync() : null);
            if (provider == DatabaseProvider.Sqlite)
            {
                var migrated = await PortalProcess.RunAsync(["migrate"], target.CommandSettings);
                Assert.True(migrated.ExitCode == 0, migrated.Error);
            }
            return target;
        }

        public KeyValuePair<string, string>[] CommandSettings => CommandSettingsFor(Provider, DataPath, PostgreSqlDatabase);
    }

    private static KeyValuePair<string, string>[] CommandSettingsFor(DatabaseProvider provider, string dataPath, string? postgreSql) =>
    [
        new("ASPNETCORE_ENVIRONMENT", "Production"),
        new("Portal__DataPath", dataPath),
        .. provider == DatabaseProvider.PostgreSql
            ? new KeyValuePair<string, string>[] { new("Database__Provider", "PostgreSQL"), new("ConnectionStrings__Portal", postgreSql!) }
            : [new("ConnectionStrings__Portal", "Data Source=portal.db")],
    ];

    private KeyValuePair<string, string>[] SourceSettings => CommandSettingsFor(DatabaseProvider.Sqlite, _source.DataPath, null);

    [Fact]
    public async Task AnExportImportsIntoAnEmptyInstanceWithEveryRowSearchableAndItsFilesServed()
    {
        var versionId = await TestDocuments.AddAsync(_source.Services, UploadedSymbol, session: 75, body: $"A text to find after the import: {SearchWord}.");
        var (bytes, _) = TestDocuments.FakePdf(200_000, seed: 16);
        await TestDocuments.AttachAsync(_source.Services, versionId, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");

        var exported = await PortalProcess.RunAsync(["export", "--out", ExportPath], SourceSettings);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Contains("Documents: ", exported.Output);

        // Files are not in the file: the import names what the target's store lacks and still succeeds.
        var imported = await PortalProcess.RunAsync(["import", "--in", ExportPath], _target.CommandSettings);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Matches(@"Warning: the file store lacks (\d+) of the \1 files", imported.Output);
        Assert.Contains("Done: ", imported.Output);

        var again = Path.Combine(_work, "again.jsonl.gz");
        var reexported = await PortalProcess.RunAsync(["export", "--out", again], _target.CommandSettings);
        Assert.True(reexported.ExitCode == 0, reexported.Error);
        var (sourceHeader, sourceRows) = Read(ExportPath);
        var (targetHeader, targetRows) = Read(again);
        Assert.Equal(sourceHeader.GetProperty("tables").ToString(), targetHeader.GetProperty("tables").ToString());
        Assert.Contains(sourceRows, r => r.StartsWith("{\"table\":\"StoredFiles\"", StringComparison.Ordinal));
        Assert.Contains(sourceRows, r => r.StartsWith("{\"table\":\"CrossReferences\"", StringComparison.Ordinal));
        Assert.Equal(sourceRows, targetRows);

        CopyDirectory(Path.Combine(_source.DataPath, "files"), Path.Combine(_target.DataPath, "files"));
        var address = _target.StartKestrel();
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/{UploadedSymbol}/en.pdf", Cancel));
        Assert.Contains(UploadedSymbol, await client.GetStringAsync($"/search?q={SearchWord}", Cancel));
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz", Cancel));
        // Identities go on after the highest imported id.
        var added = await TestDocuments.AddAsync(_target.Services, "A/75/9202", session: 75);
        await using var db = _target.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        Assert.True(added > await db.LanguageVersions.Where(v => v.Id != added).MaxAsync(v => v.Id, Cancel));
    }

    [Fact]
    public async Task ANonEmptyTargetIsRefusedAndLeftUntouched()
    {
        var exported = await PortalProcess.RunAsync(["export", "--out", ExportPath], SourceSettings);
        Assert.Equal(0, exported.ExitCode);
        var first = await PortalProcess.RunAsync(["import", "--in", ExportPath], _target.CommandSettings);
        Assert.Equal(0, first.ExitCode);
        var before = Path.Combine(_work, "before.jsonl.gz");
        Assert.Equal(0, (await PortalProcess.RunAsync(["export", "--out", before], _target.CommandSettings)).ExitCode);

        var second = await PortalProcess.RunAsync(["import", "--in", ExportPath], _target.CommandSettings);

        Assert.Equal(1, second.ExitCode);
        AssertOneSentence(second, "is not empty (");
        var after = Path.Combine(_work, "after.jsonl.gz");
        Assert.Equal(0, (await PortalProcess.RunAsync(["export", "--out", after], _target.CommandSettings)).ExitCode);
        Assert.Equal(Read(before).Rows, Read(after).Rows);
    }

    [Fact]
    public async Task ADamagedOrNewerFileIsRefusedWithItsReasonAndTheTargetStaysEmpty()
    {
        Assert.Equal(0, (await PortalProcess.RunAsync(["export", "--out", ExportPath], SourceSettings)).ExitCode);
        var lines = ReadLines(ExportPath);
        var documentLine = lines.FindIndex(l => l.StartsWith("{\"table\":\"Documents\"", StringComparison.Ordinal));

        // Cut short at a line boundary: the closing line is missing.
        var cut = Write("cut.jsonl.gz", lines[..^5]);
        AssertOneSentence(await ImportAsync(cut), "without its closing line: it was cut short");
        // Cut in the middle of the gzip stream.
        var bytes = await File.ReadAllBytesAsync(ExportPath, Cancel);
        var halved = Path.Combine(_work, "halved.jsonl.gz");
        await File.WriteAllBytesAsync(halved, bytes[..(bytes.Length / 2)], Cancel);
        var refused = await ImportAsync(halved);
        Assert.Contains("The import did not run: ", refused.Error);
        Assert.DoesNotContain("   at ", refused.Output + refused.Error);
        // A damaged line, named by its number (lines count from 1), after rows that were already written.
        var damaged = Write("damaged.jsonl.gz", [.. lines[..documentLine], "{\"table\":\"Documents\",\"row\":{\"Id\":", .. lines[(documentLine + 1)..]]);
        AssertOneSentence(await ImportAsync(damaged), $"line {documentLine + 1} is not valid JSON");
        // A value of the wrong kind.
        var wrongKind = Write("wrong.jsonl.gz", [.. lines[..documentLine], Regex.Replace(lines[documentLine], "\"Id\":\\d+", "\"Id\":\"one\""), .. lines[(documentLine + 1)..]]);
        AssertOneSentence(await ImportAsync(wrongKind), $"line {documentLine + 1} (a row of Documents) holds a value of the wrong kind");
        // From a newer portal: a migration this build does not know.
        var newer = Write("newer.jsonl.gz", [Regex.Replace(lines[0], "\"migration\":\"[^\"]+\"", "\"migration\":\"29991231000000_FromTheFuture\""), .. lines[1..]]);
        AssertOneSentence(await ImportAsync(newer), "comes from a newer portal; upgrade this one first");

        // The target's own export: every table still empty; then the undamaged file imports.
        var empty = Path.Combine(_work, "empty.jsonl.gz");
        Assert.Equal(0, (await PortalProcess.RunAsync(["export", "--out", empty], _target.CommandSettings)).ExitCode);
        var (header, rows) = Read(empty);
        Assert.Empty(rows);
        Assert.All(header.GetProperty("tables").EnumerateObject(), t => Assert.Equal(0, t.Value.GetInt64()));
        Assert.Equal(0, (await ImportAsync(ExportPath)).ExitCode);
    }

    private Task<ProgramRun> ImportAsync(string path) => PortalProcess.RunAsync(["import", "--in", path], _target.CommandSettings);

    private static void AssertOneSentence(ProgramRun run, string reason)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("The import did not run: ", run.Error);
        Assert.Contains(reason, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_work, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
        return path;
    }

    private static List<string> ReadLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>
    /// The header and the rows, sorted (text keys sort by the database's collation) with times cut to the microsecond
    /// PostgreSQL keeps (SQLite keeps a tenth of one).
    /// </summary>
    private static (JsonElement Header, List<string> Rows) Read(string path)
    {
        var lines = ReadLines(path);
        var rows = lines[1..^1].Select(l => FractionOfASecond().Replace(l, m => "." + m.Groups[1].Value.PadRight(7, '0')[..6])).Order(StringComparer.Ordinal).ToList();
        return (JsonDocument.Parse(lines[0]).RootElement.Clone(), rows);
    }

    [GeneratedRegex(@"(?<=T\d\d:\d\d:\d\d)\.(\d{1,7})(?=Z|[+-]\d\d:\d\d)")]
    private static partial Regex FractionOfASecond();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }
}
