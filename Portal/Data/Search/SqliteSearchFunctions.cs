using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data.Search;

/// <summary>
/// Registers the SQL functions the search triggers call (<c>portal_search_text</c>,
/// <c>portal_search_tags</c>, <c>portal_search_words</c>) on every connection the portal opens. A tool that opens the database
/// without them gets "no such function" on a write to a language version, and the write is
/// rolled back: the index can never silently fall out of step.
/// </summary>
public sealed class SqliteSearchFunctions : DbConnectionInterceptor
{
    public static SqliteSearchFunctions Interceptor { get; } = new();

    public static void Register(SqliteConnection connection)
    {
        // The trigram index's triggers, from AddSearchIndex until ReshapeSearchIndex replaced them, call these two:
        // a database migrated from scratch passes through those migrations.
        connection.CreateFunction("portal_search_fold", (string? text) => SearchText.Fold(text), isDeterministic: true);
        connection.CreateFunction("portal_cjk_bigrams", (string? text) => SearchText.CjkBigrams(text), isDeterministic: true);
        connection.CreateFunction("portal_search_text", (string? text) => SearchText.IndexForm(text), isDeterministic: true);
        connection.CreateFunction("portal_search_words", (string? text) => JsonSerializer.Serialize(SearchText.Words(text)), isDeterministic: true);
        connection.CreateFunction("portal_search_tags",
            (string? language, long status, long distribution, long kind, string? sender, string? listedOn, string? sessions, string? organs, string? items, string? states) =>
                SearchTags.FromColumns(language, status, distribution, kind, sender, listedOn, sessions, organs, items, states),
            isDeterministic: true);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            Register(sqlite);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
