using System.Text;

namespace Portal.Data.Search;

/// <summary>
/// All SQLite-specific search DDL in one place, used by the ReshapeSearchIndex migration, the
/// <c>reindex</c> command and the synthetic corpus generator. One FTS5 table, <c>SearchIndex</c>: an
/// inverted index of words (unicode61, case and diacritics folded), contentless (the text stays in the
/// catalogue's own tables, which snippets read), one row per language version with row id
/// <see cref="SearchTags.RowId"/> (document id × 8 + language slot), and four columns:
/// <list type="bullet">
/// <item><c>Title</c>, <c>Body</c>, <c>Extra</c> (annexes, footnotes, signatory names): the text as
/// <see cref="SearchText.IndexForm"/> gives it, Chinese as overlapping bigrams.</item>
/// <item><c>Tags</c>: the filters and the access class as tokens (<see cref="SearchTags"/>).</item>
/// </list>
/// Beside it, <c>SearchWords</c>: every word of the texts once, so that a typed word is widened to the indexed
/// words it begins (<see cref="SqliteSearchIndex"/>) without FTS5's prefix query, which reads and merges the
/// whole doclist of every such word before it returns a row. It is filled from the index's own vocabulary by
/// the migration, <c>reindex</c> and the corpus generator, and added to by triggers as texts are written
/// (<see cref="SearchText.Words"/>); a word that is no longer used costs nothing but a place in the list.
/// Triggers rewrite a version's row whenever it, its annexes, footnotes or signatories, its document's
/// filtered columns, sessions, agenda items or member states change, so the index is written inside the
/// writing transaction: a committed edit is searchable at once and a crash cannot separate the two. They
/// call the functions that <see cref="SqliteSearchFunctions"/> registers on every connection the portal opens.
/// </summary>
public static class SqliteSearchSchema
{
    public const string Table = "SearchIndex";

    public const string CreateTable = """
        CREATE VIRTUAL TABLE SearchIndex USING fts5(
            Title, Body, Extra, Tags,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2');
        """;

    public const string DropTable = "DROP TABLE IF EXISTS SearchIndex;";

    public const string WordsTable = "SearchWords";

    public const string CreateWordsTable = "CREATE TABLE IF NOT EXISTS SearchWords(Word TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;";

    /// <summary>Adds every word of the index's text columns to <c>SearchWords</c>, from FTS5's own vocabulary (one pass over the index).</summary>
    public const string FillWords = """
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchIndexTerms USING fts5vocab(main, 'SearchIndex', 'col');
        INSERT OR IGNORE INTO SearchWords(Word) SELECT DISTINCT term FROM temp.SearchIndexTerms WHERE col <> 'Tags';
        DROP TABLE temp.SearchIndexTerms;
        """;

    /// <summary>The words of a text (any SQL expression) added to <c>SearchWords</c>.</summary>
    private static string AddWords(string text) =>
        $"INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words({text}));";

    private static readonly string[] TriggerNames =
    [
        "SearchIndex_LanguageVersions_Insert", "SearchIndex_LanguageVersions_Update", "SearchIndex_LanguageVersions_Delete",
        "SearchIndex_Annexes_Insert", "SearchIndex_Annexes_Update", "SearchIndex_Annexes_Delete",
        "SearchIndex_Footnotes_Insert", "SearchIndex_Footnotes_Update", "SearchIndex_Footnotes_Delete",
        "SearchIndex_Signatories_Insert", "SearchIndex_Signatories_Update", "SearchIndex_Signatories_Delete",
        "SearchIndex_Documents_Update",
        "SearchIndex_DocumentSessions_Insert", "SearchIndex_DocumentSessions_Delete",
        "SearchIndex_DocumentAgendaItems_Insert", "SearchIndex_DocumentAgendaItems_Update", "SearchIndex_DocumentAgendaItems_Delete",
        "SearchIndex_DocumentMemberStates_Insert", "SearchIndex_DocumentMemberStates_Update", "SearchIndex_DocumentMemberStates_Delete",
        "SearchWords_LanguageVersions_Insert", "SearchWords_LanguageVersions_Update",
        "SearchWords_Annexes_Insert", "SearchWords_Annexes_Update",
        "SearchWords_Footnotes_Insert", "SearchWords_Footnotes_Update",
        "SearchWords_Signatories_Insert", "SearchWords_Signatories_Update",
    ];

    /// <summary>The columns whose words the index holds, per table (declared before the triggers built from it).</summary>
    private static readonly (string Table, string[] Columns)[] WordColumns =
    [
        ("LanguageVersions", ["Title", "BodyMarkdown"]),
        ("Annexes", ["Heading", "Title", "BodyMarkdown"]),
        ("Footnotes", ["TextMarkdown"]),
        ("Signatories", ["Name"]),
    ];

    public static int TriggerCount => TriggerNames.Length;

    public static string CreateTriggers { get; } = BuildTriggers();

    public static string DropTriggers { get; } = string.Join('\n', TriggerNames.Select(n => $"DROP TRIGGER IF EXISTS {n};"));

    /// <summary>The row id of the version <c>v</c> (<see cref="SearchTags.RowId"/>) in SQL.</summary>
    public static string RowIdOf(string version) =>
        $"({version}.DocumentId * 8 + CASE {version}.Language "
        + string.Concat(SearchTags.LanguageSlots.Select(l => $"WHEN '{l}' THEN {SearchTags.LanguageSlot(l)} "))
        + "ELSE 7 END)";

    /// <summary>The annexes (heading, title, body), footnotes and signatory names of version <c>v</c>, one text.</summary>
    public const string ExtraOfVersion = """
        coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
        coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
        coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')
        """;

    /// <summary>Indexes every language version from scratch: the migration's backfill and the <c>reindex</c> command.</summary>
    public static string RebuildAll { get; } = $"""
        DELETE FROM SearchIndex;
        {Insert("1 = 1")}
        """;

    /// <summary>Indexes the language versions <c>v</c> that <paramref name="where"/> selects (it may use <c>d</c>, their document).</summary>
    public static string Insert(string where) => $"""
        INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
            SELECT {RowIdOf("v")}, portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text({ExtraOfVersion}),
                portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                    (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                    (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                    (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                    (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
            FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE {where};
        """;

    private static string ReindexVersion(string versionId) => $"""
        DELETE FROM SearchIndex WHERE rowid = (SELECT {RowIdOf("v")} FROM LanguageVersions v WHERE v.Id = {versionId});
        {Insert($"v.Id = {versionId}")}
        """;

    private static string ReindexDocument(string documentId) => $"""
        DELETE FROM SearchIndex WHERE rowid IN (SELECT {RowIdOf("v")} FROM LanguageVersions v WHERE v.DocumentId = {documentId});
        {Insert($"v.DocumentId = {documentId}")}
        """;

    private static string BuildTriggers()
    {
        var sql = new StringBuilder();
        void Trigger(string name, string when, string body) =>
            sql.Append($"CREATE TRIGGER {name} {when} BEGIN\n{body}\nEND;\n");

        Trigger("SearchIndex_LanguageVersions_Insert", "AFTER INSERT ON LanguageVersions", ReindexVersion("NEW.Id"));
        Trigger("SearchIndex_LanguageVersions_Update", "AFTER UPDATE OF Title, BodyMarkdown, Language, DocumentId ON LanguageVersions",
            $"DELETE FROM SearchIndex WHERE rowid = {RowIdOf("OLD")};\n" + ReindexVersion("NEW.Id"));
        Trigger("SearchIndex_LanguageVersions_Delete", "AFTER DELETE ON LanguageVersions", $"DELETE FROM SearchIndex WHERE rowid = {RowIdOf("OLD")};");
        foreach (var (table, columns) in new[] { ("Annexes", "Heading, Title, BodyMarkdown"), ("Footnotes", "TextMarkdown"), ("Signatories", "Name") })
        {
            Trigger($"SearchIndex_{table}_Insert", $"AFTER INSERT ON {table}", ReindexVersion("NEW.LanguageVersionId"));
            Trigger($"SearchIndex_{table}_Update", $"AFTER UPDATE OF {columns}, LanguageVersionId ON {table}", ReindexVersion("OLD.LanguageVersionId") + "\n" + ReindexVersion("NEW.LanguageVersionId"));
            Trigger($"SearchIndex_{table}_Delete", $"AFTER DELETE ON {table}", ReindexVersion("OLD.LanguageVersionId"));
        }
        Trigger("SearchIndex_Documents_Update", "AFTER UPDATE OF Status, Distribution, Kind, Sender, ListedOn ON Documents", ReindexDocument("NEW.Id"));
        foreach (var (table, columns) in new[] { ("DocumentSessions", (string?)null), ("DocumentAgendaItems", "AgendaItemId, DocumentId"), ("DocumentMemberStates", "MemberState, DocumentId") })
        {
            Trigger($"SearchIndex_{table}_Insert", $"AFTER INSERT ON {table}", ReindexDocument("NEW.DocumentId"));
            if (columns is not null)
            {
                Trigger($"SearchIndex_{table}_Update", $"AFTER UPDATE OF {columns} ON {table}", ReindexDocument("OLD.DocumentId") + "\n" + ReindexDocument("NEW.DocumentId"));
            }
            Trigger($"SearchIndex_{table}_Delete", $"AFTER DELETE ON {table}", ReindexDocument("OLD.DocumentId"));
        }
        foreach (var (table, columns) in WordColumns)
        {
            var text = string.Join(" || char(10) || ", columns.Select(c => $"coalesce(NEW.{c}, '')"));
            Trigger($"SearchWords_{table}_Insert", $"AFTER INSERT ON {table}", AddWords(text));
            Trigger($"SearchWords_{table}_Update", $"AFTER UPDATE OF {string.Join(", ", columns)} ON {table}", AddWords(text));
        }
        return sql.ToString();
    }
}
