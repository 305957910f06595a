using Microsoft.EntityFrameworkCore;
using Portal.Data.Search;
using Portal.Tests.Support;

namespace Portal.Tests.Data;

/// <summary>
/// Migrations carry their search SQL literally, and the corpus generator uses the live
/// <see cref="SqliteSearchSchema"/>: the two must describe the same schema, or a generated corpus
/// and a migrated database would index differently. A schema change without its migration fails here.
/// </summary>
public sealed class SearchSchemaMigrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMigratedSearchSchemaIsTheOneSqliteSearchSchemaCreates()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var migrated = await SearchObjectsAsync(db);

        await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.DropTriggers, Cancel);
        await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.DropTable, Cancel);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE SearchWords", Cancel);
        await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.CreateTable, Cancel);
        await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.CreateWordsTable, Cancel);
        await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.CreateTriggers, Cancel);
        var live = await SearchObjectsAsync(db);

        Assert.Equal(SqliteSearchSchema.TriggerCount, migrated.Count(o => o.Type == "trigger"));
        Assert.Equal(["SearchIndex", "SearchWords"], migrated.Where(o => o.Type == "table").Select(o => o.Name));
        Assert.Equal(live, migrated);
    }

    private sealed record SchemaObject(string Type, string Name, string Sql);

    private static async Task<List<SchemaObject>> SearchObjectsAsync(Microsoft.EntityFrameworkCore.DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Cancel);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type, name, sql FROM sqlite_master
            WHERE (type = 'trigger' AND (name LIKE 'SearchIndex_%' OR name LIKE 'SearchWords_%'))
                OR (type = 'table' AND name IN ('SearchIndex', 'SearchWords', 'SearchText', 'SearchCjk'))
            ORDER BY type, name
            """;
        var objects = new List<SchemaObject>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            objects.Add(new SchemaObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return objects;
    }
}
