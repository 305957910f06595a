using System.Text;

namespace Portal.Data.Search;

/// <summary>
/// All SQLite-specific search DDL in one place, used by the AddSearchIndex migration and by the
/// synthetic corpus generator. Two FTS5 tables, one row per language version (rowid = its Id):
/// <list type="bullet">
/// <item><c>SearchText</c>, trigram tokenizer: any query of 3+ characters, inside words too, in any
/// script, case- and (Latin) diacritic-insensitive; it also stores the text snippets are cut from.</item>
/// <item><c>SearchCjk</c>, contentless, unicode61 over CJK character bigrams: the trigram index cannot
/// answer 1–2 character queries, which are whole words in Chinese (地雷).</item>
/// </list>
/// Triggers rebuild a version's rows whenever it or its annexes, footnotes or signatories change,
/// so the index is updated inside the writing transaction. They call the functions that
/// <see cref="SqliteSearchFunctions"/> registers on every connection the portal opens.
/// </summary>
public static class SqliteSearchSchema
{
    public const string CreateTables = """
        CREATE VIRTUAL TABLE SearchText USING fts5(
            Title, Body, Extra, DocumentId UNINDEXED, Language UNINDEXED,
            tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
        CREATE VIRTUAL TABLE SearchCjk USING fts5(
            Terms, content = '', contentless_delete = 1, tokenize = 'unicode61');
        """;

    public const string DropTables = """
        DROP TABLE IF EXISTS SearchCjk;
        DROP TABLE IF EXISTS SearchText;
        """;

    private static readonly string[] TriggerNames =
    [
        "SearchIndex_LanguageVersions_Insert", "SearchIndex_LanguageVersions_Update", "SearchIndex_LanguageVersions_Delete",
        "SearchIndex_Annexes_Insert", "SearchIndex_Annexes_Update", "SearchIndex_Annexes_Delete",
        "SearchIndex_Footnotes_Insert", "SearchIndex_Footnotes_Update", "SearchIndex_Footnotes_Delete",
        "SearchIndex_Signatories_Insert", "SearchIndex_Signatories_Update", "SearchIndex_Signatories_Delete",
    ];

    public static string CreateTriggers { get; } = BuildTriggers();

    public static string DropTriggers { get; } = string.Join('\n', TriggerNames.Select(n => $"DROP TRIGGER IF EXISTS {n};"));

    /// <summary>Indexes every language version from scratch: the migration's backfill and the corpus generator's last step.</summary>
    public static string RebuildAll { get; } = $"""
        DELETE FROM SearchText;
        DELETE FROM SearchCjk;
        {InsertText("1 = 1")}
        INSERT INTO SearchCjk(rowid, Terms)
            SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText)
            WHERE Terms <> '';
        """;

    private static string InsertText(string where) => $"""
        INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
            SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                v.DocumentId, v.Language
            FROM LanguageVersions v WHERE {where};
        """;

    private static string Reindex(string versionId) => $"""
        DELETE FROM SearchText WHERE rowid = {versionId};
        DELETE FROM SearchCjk WHERE rowid = {versionId};
        {InsertText($"v.Id = {versionId}")}
        INSERT INTO SearchCjk(rowid, Terms)
            SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = {versionId})
            WHERE Terms <> '';
        """;

    private static string BuildTriggers()
    {
        var sql = new StringBuilder();
        void Trigger(string name, string when, string body) =>
            sql.Append($"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND;\n");

        Trigger("SearchIndex_LanguageVersions_Insert", "AFTER INSERT ON LanguageVersions", Reindex("NEW.Id"));
        Trigger("SearchIndex_LanguageVersions_Update", "AFTER UPDATE OF Title, BodyMarkdown, Language, DocumentId ON LanguageVersions", Reindex("NEW.Id"));
        Trigger("SearchIndex_LanguageVersions_Delete", "AFTER DELETE ON LanguageVersions",
            "DELETE FROM SearchText WHERE rowid = OLD.Id;\nDELETE FROM SearchCjk WHERE rowid = OLD.Id;");
        foreach (var (table, columns) in new[] { ("Annexes", "Heading, Title, BodyMarkdown"), ("Footnotes", "TextMarkdown"), ("Signatories", "Name") })
        {
            Trigger($"SearchIndex_{table}_Insert", $"AFTER INSERT ON {table}", Reindex("NEW.LanguageVersionId"));
            Trigger($"SearchIndex_{table}_Update", $"AFTER UPDATE OF {columns}, LanguageVersionId ON {table}", Reindex("OLD.LanguageVersionId") + "\n" + Reindex("NEW.LanguageVersionId"));
            Trigger($"SearchIndex_{table}_Delete", $"AFTER DELETE ON {table}", Reindex("OLD.LanguageVersionId"));
        }
        return sql.ToString();
    }
}
