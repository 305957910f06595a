using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Portability;

/// <summary>
/// <c>dotnet Portal.dll export --out FILE.jsonl.gz</c>: writes every table of the catalogue and the accounts
/// (<see cref="CatalogueTables"/>) to one <see cref="ExportFile"/>, from one consistent snapshot, while the portal
/// may keep running. Rows are streamed: no table is held in memory. The file store's bytes are not in it (they are
/// copied with the store, as for a backup). The file appears under its name only once complete.
/// </summary>
public sealed class ExportCommand(IDbContextFactory<PortalDbContext> contextFactory, DatabaseTransfer transfer, DatabaseLocation location)
{
    public const string Name = "export";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Name;

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is not [Name, "--out", var path] || string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine($"Usage: dotnet Portal.dll {Name} --out FILE.jsonl.gz");
            return 2;
        }
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            error.WriteLine($"The export did not run: {path} already exists (choose a new name; an export never overwrites a file).");
            return 1;
        }
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            var rows = await WriteAsync(partial, output, cancellationToken);
            File.Move(partial, path);
            output.WriteLine($"Done: {rows:N0} rows written to {path}.");
            return 0;
        }
        catch (Exception e) when (e is DbException or DatabaseUnavailableException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException or ExportRefusedException)
        {
            error.WriteLine(e is ExportRefusedException
                ? $"The export did not run: {e.Message}"
                : $"The export did not run: the database ({location}) or the file could not be read or written ({ExportFile.OneLine(e)}).");
            return 1;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<long> WriteAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        if (!location.Exists())
        {
            throw new ExportRefusedException($"the database ({location}) does not exist.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new ExportRefusedException($"the database ({location}) has migrations to apply: run 'dotnet Portal.dll {MigrateCommand.Name}' first.");
        }
        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        var tables = CatalogueTables.Of(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await transfer.BeginSnapshotAsync(connection, cancellationToken);

        var counts = new Dictionary<string, long>();
        foreach (var table in tables.Tables)
        {
            await using var count = ExportFile.Command(connection, transaction, table.CountSql);
            counts[table.Name] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
        }
        output.WriteLine($"Exporting {counts.Values.Sum():N0} rows of {counts.Count} tables from {location}:");

        await using var stream = ExportFile.OpenWrite(path);
        await using var json = new Utf8JsonWriter(stream);
        var header = new ExportHeader(ExportFile.Format, ExportFile.FormatVersion, transfer.Provider, migration, DateTimeOffset.UtcNow, counts);
        await WriteLineAsync(stream, json, w => JsonSerializer.Serialize(w, header, ExportFile.Json), cancellationToken);
        long written = 0;
        foreach (var table in tables.Tables)
        {
            await using var select = ExportFile.Command(connection, transaction, table.SelectSql);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            long rows = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                await WriteLineAsync(stream, json, w => WriteRow(w, table, reader), cancellationToken);
                rows++;
            }
            written += rows;
            output.WriteLine($"  {table.Name}: {rows:N0}");
        }
        await WriteLineAsync(stream, json, w => JsonSerializer.Serialize(w, new ExportEnd(true, written), ExportFile.Json), cancellationToken);
        return written;
    }

    private static void WriteRow(Utf8JsonWriter json, CatalogueTable table, DbDataReader reader)
    {
        json.WriteStartObject();
        json.WriteString("table", table.Name);
        json.WritePropertyName("row");
        json.WriteStartObject();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            json.WritePropertyName(column.Name);
            JsonSerializer.Serialize(json, InUtc(column.Read(reader, i)), column.ClrType, ExportFile.Json);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Times are written in UTC: PostgreSQL takes no other offset, and the portal stores only UTC (SQLite just does not say so).</summary>
    private static object? InUtc(object? value) => value switch
    {
        DateTimeOffset time => time.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Unspecified } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTime time => time.ToUniversalTime(),
        _ => value,
    };

    private static async Task WriteLineAsync(Stream stream, Utf8JsonWriter json, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        write(json);
        await json.FlushAsync(cancellationToken);
        json.Reset();
        stream.WriteByte((byte)'\n');
    }

}

/// <summary>A reason the export or import does not run, said in one sentence to the operator.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);
