using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Portal.Data;

/// <summary>
/// What <c>export</c> and <c>import</c> need that differs between providers: a transaction that reads one
/// consistent state without blocking the running portal's writes, and identity columns that go on after the
/// highest id an import wrote. Registered by <see cref="DatabaseSetup"/>, the one place that knows the provider.
/// </summary>
public abstract class DatabaseTransfer
{
    /// <summary>The provider's name, as <c>Database:Provider</c> spells it.</summary>
    public abstract string Provider { get; }

    /// <summary>A read-only transaction over one snapshot of the whole database.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>After rows were written with their own ids: new rows get ids above them.</summary>
    public abstract Task ContinueIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<IEntityType> tables, CancellationToken cancellationToken);
}

/// <summary>SQLite: a deferred transaction reads one snapshot (WAL) and takes no write lock; an explicit id moves the rowid on by itself.</summary>
public sealed class SqliteDatabaseTransfer : DatabaseTransfer
{
    public override string Provider => "Sqlite";

    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override Task ContinueIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<IEntityType> tables, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>PostgreSQL: a repeatable-read snapshot; identity sequences are set past the highest imported id (rows written with ids do not move them).</summary>
public sealed class PostgreSqlDatabaseTransfer : DatabaseTransfer
{
    public override string Provider => "PostgreSQL";

    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand("SET TRANSACTION READ ONLY", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override async Task ContinueIdentitiesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var entity in tables)
        {
            if (entity.FindPrimaryKey()?.Properties is not [var key] || key.ValueGenerated != ValueGenerated.OnAdd
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long)) || entity.GetTableName() is not { } table)
            {
                continue;
            }
            var column = key.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
            var quotedTable = $"\"{table.Replace("\"", "\"\"")}\"";
            var quotedColumn = $"\"{column.Replace("\"", "\"\"")}\"";
            // setval(…, max + 1, false): the next id is max + 1; an empty table starts at 1 again.
            await using var command = new NpgsqlCommand(
                $"SELECT setval(s, (SELECT COALESCE(MAX({quotedColumn}), 0) + 1 FROM {quotedTable}), false) FROM pg_get_serial_sequence(@table, @column) AS s WHERE s IS NOT NULL",
                (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.AddWithValue("table", quotedTable);
            command.Parameters.AddWithValue("column", column);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
