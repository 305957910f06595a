using System.IO.Compression;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Features.Portability;

/// <summary>
/// The file <c>export</c> writes and <c>import</c> reads: gzip-compressed JSON Lines. Line 1 is the
/// <see cref="ExportHeader"/>; then one line per row, <c>{"table":"Documents","row":{"Id":1,…}}</c>, tables in
/// foreign-key order, rows by primary key; the last line is <c>{"end":true,"rows":N}</c>, so a file cut short is
/// recognised as such (gzip alone does not always notice).
/// </summary>
public static class ExportFile
{
    public const string Format = "un-document-portal-export";

    /// <summary>The layout of the lines; a reader refuses a higher one. The tables and columns follow the model.</summary>
    public const int FormatVersion = 1;

    /// <summary>Enums by name (safe against a renumbering), text unescaped (the file is read by programs and people, never put in a page).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Stream OpenWrite(string path) =>
        new GZipStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false), CompressionLevel.Optimal);

    public static StreamReader OpenRead(string path) =>
        new(new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false), CompressionMode.Decompress));

    /// <summary>A command in the transaction, without a time limit (a table of a million rows is read or checked in one).</summary>
    internal static System.Data.Common.DbCommand Command(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>An exception's message as part of one sentence.</summary>
    internal static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    /// <summary>Every migration id this build knows, of either provider: a file from a migration outside it comes from a newer portal.</summary>
    public static IReadOnlySet<string> KnownMigrations { get; } = typeof(ExportFile).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The first line: what wrote the file, from which schema, and how many rows each table holds.</summary>
public sealed record ExportHeader(
    string Format,
    int Version,
    string Provider,
    string? Migration,
    DateTimeOffset ExportedAt,
    Dictionary<string, long> Tables);

/// <summary>The last line.</summary>
public sealed record ExportEnd(bool End, long Rows);
