using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Features.Search;
using Portal.Storage;

namespace Portal.Features.Portability;

/// <summary>
/// <c>dotnet Portal.dll import --in FILE.jsonl.gz</c>: loads an <see cref="ExportFile"/> into an empty database that
/// <c>migrate</c> created, on either provider, keeping every id. All rows go in one transaction: a bad line, a file
/// cut short or a refused row leaves the database as empty as it was. Then identities go on after the highest id,
/// the search index is rebuilt (<see cref="ReindexCommand"/>) and every stored file's object is looked for in the
/// file store; missing ones are listed (the files are copied with the store, before or after the import).
/// </summary>
public sealed class ImportCommand(
    IDbContextFactory<PortalDbContext> contextFactory,
    DatabaseTransfer transfer,
    DatabaseLocation location,
    ReindexCommand reindex,
    IDocumentFileStore store)
{
    public const string Name = "import";

    /// <summary>How many missing file keys are printed by name; the rest are counted.</summary>
    private const int MissingFilesNamed = 10;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Name;

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is not [Name, "--in", var path] || string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine($"Usage: dotnet Portal.dll {Name} --in FILE.jsonl.gz");
            return 2;
        }
        path = Path.GetFullPath(path);
        try
        {
            if (!File.Exists(path))
            {
                throw new ExportRefusedException($"{path} does not exist.");
            }
            var rows = await LoadAsync(path, output, cancellationToken);
            output.WriteLine($"Imported {rows:N0} rows into {location}.");
        }
        catch (Exception e) when (e is DbException or DatabaseUnavailableException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException or ExportRefusedException)
        {
            error.WriteLine(e is ExportRefusedException
                ? $"The import did not run: {e.Message}"
                : $"The import did not run: the database ({location}) or the file could not be read or written ({ExportFile.OneLine(e)}). Nothing was imported.");
            return 1;
        }
        if (await reindex.RunAsync(output, cancellationToken) != 0)
        {
            error.WriteLine($"The rows are imported, but the search index is not complete: run 'dotnet Portal.dll {ReindexCommand.Name}'.");
            return 1;
        }
        await ReportMissingFilesAsync(output, cancellationToken);
        return 0;
    }

    private async Task<long> LoadAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        using var file = ExportFile.OpenRead(path);
        var lines = new LineReader(file);
        var header = ReadHeader(path, await lines.NextAsync(cancellationToken));

        if (!location.Exists())
        {
            throw new ExportRefusedException($"the database ({location}) does not exist: create it with 'dotnet Portal.dll {MigrateCommand.Name}' first.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new ExportRefusedException($"the database ({location}) has migrations to apply: run 'dotnet Portal.dll {MigrateCommand.Name}' first.");
        }
        var tables = CatalogueTables.Of(db);
        if (header.Tables.Keys.FirstOrDefault(t => tables.Find(t) is null) is { } unknown)
        {
            throw new ExportRefusedException($"the file holds a table this portal does not know ({unknown}): it comes from a newer portal; upgrade this one first.");
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables.Tables)
        {
            await using var any = ExportFile.Command(connection, transaction, $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {table.DelimitedName}) THEN 1 ELSE 0 END");
            if (Convert.ToInt32(await any.ExecuteScalarAsync(cancellationToken)) == 1)
            {
                throw new ExportRefusedException(
                    $"the database ({location}) is not empty ({table.Name} holds rows): import only into a new database that 'dotnet Portal.dll {MigrateCommand.Name}' created, before the portal first starts on it.");
            }
        }

        output.WriteLine($"Importing {header.Tables.Values.Sum():N0} rows exported from {header.Provider} at {header.ExportedAt:u} into {location}:");
        var writer = new RowWriter(connection, transaction, db.GetService<ISqlGenerationHelper>());
        var counts = new Dictionary<string, long>();
        long total = 0;
        while (true)
        {
            var line = await lines.NextAsync(cancellationToken)
                ?? throw new ExportRefusedException($"the file ends after line {lines.Number - 1} without its closing line: it was cut short; nothing was imported.");
            var (table, row, end) = ParseLine(line, lines.Number, tables);
            if (end is not null)
            {
                if (end.Rows != total || await lines.NextAsync(cancellationToken) is not null)
                {
                    throw new ExportRefusedException($"line {lines.Number} closes the file after {end.Rows:N0} rows, but {total:N0} came before it: the file is damaged; nothing was imported.");
                }
                break;
            }
            try
            {
                await writer.InsertAsync(table!, row, cancellationToken);
            }
            catch (DbException e)
            {
                throw new ExportRefusedException($"line {lines.Number} (a row of {table!.Name}) was refused by the database ({ExportFile.OneLine(e)}); nothing was imported.");
            }
            catch (JsonException e)
            {
                throw new ExportRefusedException($"line {lines.Number} (a row of {table!.Name}) holds a value of the wrong kind ({ExportFile.OneLine(e)}): the file is damaged; nothing was imported.");
            }
            catch (ExportRefusedException e)
            {
                throw new ExportRefusedException($"line {lines.Number}: {e.Message}");
            }
            counts[table!.Name] = counts.GetValueOrDefault(table.Name) + 1;
            total++;
        }
        foreach (var (name, expected) in header.Tables)
        {
            if (counts.GetValueOrDefault(name) != expected)
            {
                throw new ExportRefusedException($"the file's first line promises {expected:N0} rows of {name}, but it holds {counts.GetValueOrDefault(name):N0}: the file is damaged; nothing was imported.");
            }
            output.WriteLine($"  {name}: {expected:N0}");
        }
        await writer.SetSelfReferencesAsync(cancellationToken);
        await transfer.ContinueIdentitiesAsync(connection, transaction, tables.Tables.Select(t => t.Entity), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    private static ExportHeader ReadHeader(string path, string? line)
    {
        ExportHeader? header = null;
        try
        {
            header = line is null ? null : JsonSerializer.Deserialize<ExportHeader>(line, ExportFile.Json);
        }
        catch (JsonException)
        {
        }
        if (header is null || header.Format != ExportFile.Format || header.Tables is null)
        {
            throw new ExportRefusedException($"{path} is not a portal export (its first line is not an export header).");
        }
        if (header.Version > ExportFile.FormatVersion)
        {
            throw new ExportRefusedException($"the file has format version {header.Version}, and this portal reads up to {ExportFile.FormatVersion}: upgrade the portal first.");
        }
        if (header.Migration is not null && !ExportFile.KnownMigrations.Contains(header.Migration))
        {
            throw new ExportRefusedException($"the file was exported from a database at migration {header.Migration}, which this portal does not know: it comes from a newer portal; upgrade this one first.");
        }
        return header;
    }

    private static (CatalogueTable? Table, JsonElement Row, ExportEnd? End) ParseLine(string line, long number, CatalogueTables tables)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("end", out _))
            {
                return (null, default, root.Deserialize<ExportEnd>(ExportFile.Json));
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("table", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("row", out var row) || row.ValueKind != JsonValueKind.Object)
            {
                throw new ExportRefusedException($"line {number} is not a row ({{\"table\":…,\"row\":{{…}}}}): the file is damaged; nothing was imported.");
            }
            var table = tables.Find(name.GetString()!)
                ?? throw new ExportRefusedException($"line {number} is a row of {name.GetString()}, a table this portal does not know; nothing was imported.");
            return (table, row.Clone(), null);
        }
        catch (JsonException e)
        {
            throw new ExportRefusedException($"line {number} is not valid JSON ({ExportFile.OneLine(e)}): the file is damaged; nothing was imported.");
        }
    }

    private async Task ReportMissingFilesAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        long files = 0;
        var missing = new List<string>();
        long missingCount = 0;
        await foreach (var key in db.StoredFiles.AsNoTracking().Select(f => f.Sha256).Distinct().OrderBy(k => k).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            files++;
            await using var stream = await store.OpenReadAsync(key, cancellationToken);
            if (stream is null)
            {
                missingCount++;
                if (missing.Count < MissingFilesNamed)
                {
                    missing.Add(key);
                }
            }
        }
        if (missingCount == 0)
        {
            output.WriteLine($"The file store holds all {files:N0} files the catalogue names.");
            return;
        }
        output.WriteLine($"Warning: the file store lacks {missingCount:N0} of the {files:N0} files the catalogue names; they answer 404 until the files are copied into the store as for a restore (README, \"Backups\"): {string.Join(", ", missing)}{(missingCount > missing.Count ? ", …" : "")}");
    }


    /// <summary>The file's lines, numbered from 1; a damaged gzip stream is reported with the line it broke in.</summary>
    private sealed class LineReader(StreamReader reader)
    {
        public long Number { get; private set; }

        public async Task<string?> NextAsync(CancellationToken cancellationToken)
        {
            Number++;
            try
            {
                return await reader.ReadLineAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                throw new ExportRefusedException($"the file is damaged at line {Number} (it is not a complete gzip stream); nothing was imported.");
            }
        }
    }

    /// <summary>
    /// INSERTs rows with the columns the file gives (a column the file lacks takes the database's default), one
    /// prepared statement per table and column set. A column pointing into its own table is written as null and set
    /// once every row is in, so no row has to come before another of its table.
    /// </summary>
    private sealed class RowWriter(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql)
    {
        private readonly Dictionary<string, DbCommand> _commands = [];
        private readonly List<(CatalogueTable Table, CatalogueColumn Column, object?[] Key, object Value)> _selfReferences = [];

        public async Task InsertAsync(CatalogueTable table, JsonElement row, CancellationToken cancellationToken)
        {
            var columns = new List<CatalogueColumn>();
            var values = new List<object?>();
            foreach (var property in row.EnumerateObject())
            {
                var column = table.Find(property.Name)
                    ?? throw new ExportRefusedException($"a row of {table.Name} has a column {property.Name} that this portal does not know: the file comes from a newer portal; nothing was imported.");
                columns.Add(column);
                values.Add(property.Value.Deserialize(column.ClrType, ExportFile.Json));
            }
            var key = table.Key.Select(k => values[columns.IndexOf(k)]).ToArray();
            foreach (var reference in table.SelfReferences)
            {
                var index = columns.IndexOf(reference);
                if (index >= 0 && values[index] is { } value)
                {
                    _selfReferences.Add((table, reference, key, value));
                    values[index] = null;
                }
            }
            var command = CommandFor(table, columns);
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(columns[i].Parameter(command, sql.GenerateParameterName($"p{i}"), values[i]));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task SetSelfReferencesAsync(CancellationToken cancellationToken)
        {
            foreach (var (table, column, key, value) in _selfReferences)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"UPDATE {table.DelimitedName} SET {column.DelimitedName} = {sql.GenerateParameterName("v")} WHERE "
                    + string.Join(" AND ", table.Key.Select((k, i) => $"{k.DelimitedName} = {sql.GenerateParameterName($"k{i}")}"));
                command.Parameters.Add(column.Parameter(command, sql.GenerateParameterName("v"), value));
                for (var i = 0; i < table.Key.Count; i++)
                {
                    command.Parameters.Add(table.Key[i].Parameter(command, sql.GenerateParameterName($"k{i}"), key[i]));
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private DbCommand CommandFor(CatalogueTable table, List<CatalogueColumn> columns)
        {
            var signature = table.Name + ":" + string.Join(",", columns.Select(c => c.Name));
            if (!_commands.TryGetValue(signature, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandTimeout = 0;
                command.CommandText = $"INSERT INTO {table.DelimitedName} ({string.Join(", ", columns.Select(c => c.DelimitedName))}) VALUES ("
                    + string.Join(", ", columns.Select((_, i) => sql.GenerateParameterName($"p{i}"))) + ")";
                _commands[signature] = command;
            }
            return command;
        }
    }
}
