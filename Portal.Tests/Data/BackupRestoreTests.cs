using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure;
using Portal.Storage;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// README "Backups", run as written: a portal on real Kestrel with the demo data and an uploaded file is
/// backed up while it runs and while a write transaction is open (SQLite with the sqlite3 CLI's
/// <c>.backup</c>, PostgreSQL with <c>pg_dump --format=custom</c>), database first, then the files folder
/// with rsync; the backup is restored (<c>pg_restore</c> into a new, empty database) under a second, empty
/// portal, which must hold every document, version and file of the first (SHA-256 equal), search them
/// without a reindex, and read what the first's Data Protection keys protected. With the files in an S3 bucket
/// (PostgreSQL and S3, as compose runs), the bucket folder is copied out and back with <c>aws s3 sync</c> instead.
/// </summary>
public abstract class BackupRestoreTests(DatabaseProvider provider, bool filesOnS3 = false) : IAsyncLifetime
{
    public sealed class OnSqlite() : BackupRestoreTests(DatabaseProvider.Sqlite)
    {
        [Fact]
        public async Task TheBackupWaitsForACommitInProgressInsteadOfFailing()
        {
            var database = Path.Combine(_original.DataPath, "portal.db");
            var copy = Path.Combine(_backup, "portal.db");
            await using var committer = new SqliteConnection($"Data Source={database};Pooling=False");
            await committer.OpenAsync(Cancel);
            // What a commit holds for its last moment: no reader may start until it is done.
            await Execute(committer, "BEGIN EXCLUSIVE");

            using var backup = Start("sqlite3", SqliteBackupArguments(database, copy));
            // Without `.timeout` the CLI exits at once with "database is locked"; with it, it sleeps in its busy handler.
            await WaitUntilAsleepAsync(backup);
            await Execute(committer, "COMMIT");

            await FinishAsync(backup);
            Assert.Equal("ok", (await RunAsync("sqlite3", copy, "PRAGMA integrity_check;")).Trim());
        }

        private static async Task Execute(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Cancel);
        }

        private static async Task WaitUntilAsleepAsync(Process process)
        {
            // /proc/PID/syscall names the system call a blocked process is in: 35 nanosleep, 230 clock_nanosleep.
            while (true)
            {
                if (process.HasExited)
                {
                    await FinishAsync(process);
                    Assert.Fail("The backup ended without waiting for the lock.");
                }
                var call = await ReadSyscallAsync(process.Id);
                if (call is "35" or "230")
                {
                    return;
                }
                await Task.Delay(10, Cancel);
            }
        }

        private static async Task<string?> ReadSyscallAsync(int pid)
        {
            try
            {
                return (await File.ReadAllTextAsync($"/proc/{pid}/syscall", Cancel)).Split(' ')[0].Trim();
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public sealed class OnPostgreSql() : BackupRestoreTests(DatabaseProvider.PostgreSql);

    public sealed class OnPostgreSqlAndS3() : BackupRestoreTests(DatabaseProvider.PostgreSql, filesOnS3: true);

    private const string UploadedSymbol = "A/75/9101";
    private const string InFlightSymbol = "A/75/9102";
    private const string SearchWord = "Quokkabackup";

    private readonly string _backup = Path.Combine(Path.GetTempPath(), "portal-backups", Guid.NewGuid().ToString("N"));
    private readonly string? _originalBucketFolder = filesOnS3 ? S3TestServer.NewPrefix() : null;
    private readonly string? _restoredBucketFolder = filesOnS3 ? S3TestServer.NewPrefix() : null;
    private Original _original = null!;
    private Restored? _restored;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            PostgreSqlTestServer.Require();
        }
        Directory.CreateDirectory(_backup);
        _original = new Original(provider, FileSettings(_originalBucketFolder));
        _original.StartKestrel();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_restored is not null)
        {
            await _restored.DisposeAsync();
        }
        await _original.DisposeAsync();
        Directory.Delete(_backup, recursive: true);
        if (filesOnS3)
        {
            using var s3 = FileStoreSetup.CreateClient(S3TestServer.Options(_originalBucketFolder!));
            await S3TestServer.DeleteFolderAsync(s3, _originalBucketFolder!);
            await S3TestServer.DeleteFolderAsync(s3, _restoredBucketFolder!);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> FileSettings(string? bucketFolder) =>
        bucketFolder is null ? [] : S3TestServer.PortalSettings(bucketFolder);

    private sealed class Original(DatabaseProvider provider, IEnumerable<KeyValuePair<string, string>> settings) : PortalAppFactory
    {
        protected override DatabaseProvider Provider => provider;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;
    }

    private sealed class Restored(DatabaseProvider provider, string? postgreSqlDatabase, IEnumerable<KeyValuePair<string, string>> settings)
        : PreparedDatabasePortal(provider, postgreSqlDatabase)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;
    }

    [Fact]
    public async Task ABackupTakenWhileThePortalRunsRestoresIntoAnEmptyInstanceWithEveryDocumentAndFile()
    {
        var versionId = await TestDocuments.AddAsync(_original.Services, UploadedSymbol, session: 75, body: $"A text to find after the restore: {SearchWord}.");
        var (bytes, sha256) = TestDocuments.FakePdf(300_000, seed: 15);
        await TestDocuments.AttachAsync(_original.Services, versionId, FileFormat.Pdf, bytes, "upload.pdf", "application/pdf");
        var protectedByOriginal = Protector(_original).Protect("signed-in delegate");
        var before = await CatalogueAsync(_original);
        Assert.Contains(before.Files, f => f.Sha256 == sha256);
        Assert.True(before.Files.Count > 1, "The demo data attaches files of its own.");

        // A write in progress while the backup runs: the backup neither waits for it nor holds half of it.
        await using (var writer = _original.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            await using var transaction = await writer.Database.BeginTransactionAsync(Cancel);
            await TestDocuments.AddAsync(writer, InFlightSymbol, session: 75);
            await BackUpDatabaseAsync();
            await transaction.CommitAsync(Cancel);
        }
        await BackUpFilesAsync();

        _restored = await RestoreDatabaseAsync();
        await RestoreFilesAsync();
        var address = _restored.StartKestrel();

        var after = await CatalogueAsync(_restored);
        Assert.Equal(before.Documents, after.Documents);
        Assert.Equal(before.Files, after.Files);
        Assert.Contains(InFlightSymbol, (await CatalogueAsync(_original)).Documents.Select(d => d.Symbols));
        Assert.DoesNotContain(InFlightSymbol, after.Documents.Select(d => d.Symbols));
        var store = _restored.Services.GetRequiredService<IDocumentFileStore>();
        foreach (var file in after.Files)
        {
            await using var stream = await store.OpenReadAsync(file.Sha256, Cancel);
            Assert.True(stream is not null, $"The restored store lacks file {file.Id} ({file.Sha256}).");
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, Cancel)));
        }

        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/{UploadedSymbol}/en.pdf", Cancel));
        // The search index came with the database: no reindex.
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz", Cancel));
        Assert.Contains(UploadedSymbol, await client.GetStringAsync($"/search?q={SearchWord}", Cancel));
        // Data Protection keys live in the database: sign-in cookies and antiforgery tokens survive a restore.
        Assert.Equal("signed-in delegate", Protector(_restored).Unprotect(protectedByOriginal));
        // The restored identities carry on after the highest restored id.
        await TestDocuments.AddAsync(_restored.Services, "A/75/9103", session: 75);
        Assert.Contains("A/75/9103", (await CatalogueAsync(_restored)).Documents.Select(d => d.Symbols));
    }

    /// <summary>README: `sqlite3 data/portal.db ".timeout 10000" ".backup backup/portal.db"`.</summary>
    private static string[] SqliteBackupArguments(string database, string copy) => [database, ".timeout 10000", $".backup {copy}"];

    /// <summary>README: the SQLite backup, or `pg_dump --format=custom --file=portal.dump "…"`.</summary>
    private async Task BackUpDatabaseAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var copy = Path.Combine(_backup, "portal.db");
            await RunAsync("sqlite3", SqliteBackupArguments(Path.Combine(_original.DataPath, "portal.db"), copy));
            // The CLI of the oldest supported SQLite (Debian 12's 3.40) must parse the whole schema: views, triggers, FTS5.
            Assert.Equal("ok", (await RunAsync("sqlite3", copy, "PRAGMA integrity_check;")).Trim());
        }
        else
        {
            await RunAsync("pg_dump", "--format=custom", $"--file={Path.Combine(_backup, "portal.dump")}", LibpqConnection(_original.PostgreSqlConnectionString!));
        }
    }

    /// <summary>README: the copy back into an empty portal's data folder, or `pg_restore --dbname=portal --no-owner portal.dump` into a new, empty database.</summary>
    private async Task<Restored> RestoreDatabaseAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var restored = new Restored(provider, postgreSqlDatabase: null, FileSettings(_restoredBucketFolder));
            File.Copy(Path.Combine(_backup, "portal.db"), Path.Combine(restored.DataPath, "portal.db"));
            return restored;
        }
        var database = PostgreSqlTestServer.CreateEmptyDatabase("restore");
        await RunAsync("pg_restore", $"--dbname={LibpqConnection(database)}", "--no-owner", Path.Combine(_backup, "portal.dump"));
        return new Restored(provider, database, FileSettings(_restoredBucketFolder));
    }

    /// <summary>README: `rsync -a data/files/ backup/files/`, or for a bucket `aws s3 sync s3://portal-files ./portal-files`.</summary>
    private Task BackUpFilesAsync() => filesOnS3
        ? RunAwsAsync("s3", "sync", BucketFolder(_originalBucketFolder!), Path.Combine(_backup, "files"), "--endpoint-url", S3TestServer.ServiceUrl)
        : RunAsync("rsync", "-a", FilesOf(_original.DataPath) + "/", Path.Combine(_backup, "files") + "/");

    /// <summary>README: `rsync -a backup/files/ data/files/`, or for a bucket `aws s3 sync ./portal-files s3://portal-files` (here into a new, empty folder).</summary>
    private Task RestoreFilesAsync() => filesOnS3
        ? RunAwsAsync("s3", "sync", Path.Combine(_backup, "files"), BucketFolder(_restoredBucketFolder!), "--endpoint-url", S3TestServer.ServiceUrl)
        : RunAsync("rsync", "-a", Path.Combine(_backup, "files") + "/", FilesOf(_restored!.DataPath) + "/");

    private static string BucketFolder(string prefix) => $"s3://{S3TestServer.Bucket}/{prefix}";

    /// <summary>The AWS CLI (Debian's awscli, which scripts/test.sh installs and names in PORTAL_AWS) with the test server's keys.</summary>
    private static async Task RunAwsAsync(params string[] arguments)
    {
        var start = Redirected(Environment.GetEnvironmentVariable("PORTAL_AWS") ?? "aws", arguments);
        var options = S3TestServer.Options("");
        start.Environment["AWS_ACCESS_KEY_ID"] = options.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = options.SecretKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        await FinishAsync(process);
    }

    private static string FilesOf(string dataPath) => Path.Combine(dataPath, "files");

    private static IDataProtector Protector(PortalAppFactory portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Tests.BackupRestore");

    private static string LibpqConnection(string npgsql)
    {
        var builder = new NpgsqlConnectionStringBuilder(npgsql);
        return $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}";
    }

    private sealed record DocumentState(int Id, string Symbols, string Versions);

    private sealed record FileState(int Id, int LanguageVersionId, FileFormat Format, string Sha256, long Length);

    private sealed record CatalogueState(List<DocumentState> Documents, List<FileState> Files);

    private static async Task<CatalogueState> CatalogueAsync(PortalAppFactory portal)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var documents = await db.Documents.AsNoTracking().Include(d => d.Symbols).Include(d => d.LanguageVersions)
            .OrderBy(d => d.Id).AsSplitQuery().ToListAsync(Cancel);
        var files = await db.StoredFiles.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new FileState(f.Id, f.LanguageVersionId, f.Format, f.Sha256, f.Length)).ToListAsync(Cancel);
        return new CatalogueState(
            [.. documents.Select(d => new DocumentState(
                d.Id,
                string.Join(" ", d.Symbols.OrderBy(s => s.Position).Select(s => s.Value)),
                string.Join(" | ", d.LanguageVersions.OrderBy(v => v.Id).Select(v => $"{v.Id} {v.Language} {v.UpdatedAt:O} {v.Title} ({v.BodyMarkdown.Length} characters)"))))],
            files);
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Start(program, arguments);
        return await FinishAsync(process);
    }

    private static Process Start(string program, string[] arguments) => Process.Start(Redirected(program, arguments))!;

    private static ProcessStartInfo Redirected(string program, string[] arguments) =>
        new(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };

    /// <summary>Waits for the process and returns its output; it must have succeeded.</summary>
    private static async Task<string> FinishAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        Assert.True(process.ExitCode == 0, $"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
