using System.Text;

namespace Portal.Data.Search;

/// <summary>
/// All SQLite-specific search DDL in one place, used by the ReshapeSearchIndex migration, the
/// <c>reindex</c> command and the synthetic corpus generator. One FTS5 table, <c>SearchIndex</c>: an
/// inverted index of words (unicode61, case and diacritics folded), contentless (the text stays in the
/// catalogue's own tables, which snippets read), one row per language version with row id
/// <see cref="SearchTags.RowId"/> (document id × 8 + language slot), one catalogue row per document in slot 0
/// (<see cref="SearchTags.CatalogueSlot"/>), and four columns:
/// <list type="bullet">
/// <item><c>Title</c>, <c>Body</c>, <c>Extra</c> (annexes, footnotes, signatory names): the text as
/// <see cref="SearchText.IndexForm"/> gives it, Chinese as overlapping bigrams. A catalogue row holds the
/// catalogue title as its title and the titles of the document's agenda items, in every language, as its extra.</item>
/// <item><c>Tags</c>: the filters and the access class as tokens (<see cref="SearchTags"/>), the same for every row
/// of a document but for the language, which a catalogue row does not have.</item>
/// </list>
/// Beside it, <c>SearchWords</c>: every word of the texts once, so that a typed word is widened to the indexed
/// words it begins (<see cref="SqliteSearchIndex"/>) without FTS5's prefix query, which reads and merges the
/// whole doclist of every such word before it returns a row. It is filled from the index's own vocabulary by
/// the migration, <c>reindex</c> and the corpus generator, and added to by triggers as texts are written
/// (<see cref="SearchText.Words"/>); a word that is no longer used costs nothing but a place in the list.
/// Triggers rewrite a version's row whenever it, its annexes, footnotes or signatories, its document's
/// filtered columns, sessions, agenda items or member states change, and a catalogue row whenever its document's
/// catalogue title, filtered columns or links, or the titles of its agenda items change, so the index is written inside the
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
        "SearchIndex_Documents_Insert", "SearchIndex_Documents_Update", "SearchIndex_Documents_Delete",
        "SearchIndex_AgendaItemTitles_Insert", "SearchIndex_AgendaItemTitles_Update", "SearchIndex_AgendaItemTitles_Delete",
        "SearchIndex_DocumentSessions_Insert", "SearchIndex_DocumentSessions_Delete",
        "SearchIndex_DocumentAgendaItems_Insert", "SearchIndex_DocumentAgendaItems_Update", "SearchIndex_DocumentAgendaItems_Delete",
        "SearchIndex_DocumentMemberStates_Insert", "SearchIndex_DocumentMemberStates_Update", "SearchIndex_DocumentMemberStates_Delete",
        "SearchWords_LanguageVersions_Insert", "SearchWords_LanguageVersions_Update",
        "SearchWords_Annexes_Insert", "SearchWords_Annexes_Update",
        "SearchWords_Footnotes_Insert", "SearchWords_Footnotes_Update",
        "SearchWords_Signatories_Insert", "SearchWords_Signatories_Update",
        "SearchWords_Documents_Insert", "SearchWords_Documents_Update",
        "SearchWords_AgendaItemTitles_Insert", "SearchWords_AgendaItemTitles_Update",
    ];

    /// <summary>The columns whose words the index holds, per table (declared before the triggers built from it).</summary>
    private static readonly (string Table, string[] Columns)[] WordColumns =
    [
        ("LanguageVersions", ["Title", "BodyMarkdown"]),
        ("Annexes", ["Heading", "Title", "BodyMarkdown"]),
        ("Footnotes", ["TextMarkdown"]),
        ("Signatories", ["Name"]),
        ("Documents", ["CatalogTitle"]),
        ("AgendaItemTitles", ["Title"]),
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

    /// <summary>
    /// The titles of document <c>d</c>'s agenda items in every language, one text, in the document's order of items. Ordered by a
    /// subquery, not by <c>group_concat(… ORDER BY …)</c>: triggers are part of the schema, and SQLite before 3.44 (Debian 12's
    /// <c>sqlite3</c>, which the backup instructions use) refuses to open a database whose schema it cannot parse.
    /// </summary>
    public const string AgendaTitlesOfDocument = """
        coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')
        """;

    /// <summary>Indexes every language version and every document's catalogue row from scratch: the <c>reindex</c> command's SQL, in one statement.</summary>
    public static string RebuildAll { get; } = $"""
        DELETE FROM SearchIndex;
        {Insert("1 = 1")}
        {InsertCatalogue("1 = 1")}
        """;

    /// <summary>The tags of a row of document <c>d</c> (<see cref="SearchTags.FromColumns"/>), its language given as SQL.</summary>
    private static string TagsOf(string language) => $"""
        portal_search_tags({language}, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                    (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                    (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                    (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                    (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
        """;

    /// <summary>Indexes the language versions <c>v</c> that <paramref name="where"/> selects (it may use <c>d</c>, their document).</summary>
    public static string Insert(string where) => $"""
        INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
            SELECT {RowIdOf("v")}, portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text({ExtraOfVersion}),
                {TagsOf("v.Language")}
            FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE {where};
        """;

    /// <summary>Indexes the catalogue rows of the documents <c>d</c> that <paramref name="where"/> selects.</summary>
    public static string InsertCatalogue(string where) => $"""
        INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
            SELECT d.Id * 8 + {SearchTags.CatalogueSlot}, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text({AgendaTitlesOfDocument}),
                {TagsOf("NULL")}
            FROM Documents d WHERE {where};
        """;

    private static string ReindexVersion(string versionId) => $"""
        DELETE FROM SearchIndex WHERE rowid = (SELECT {RowIdOf("v")} FROM LanguageVersions v WHERE v.Id = {versionId});
        {Insert($"v.Id = {versionId}")}
        """;

    private static string ReindexDocument(string documentId) => $"""
        DELETE FROM SearchIndex WHERE rowid IN (SELECT {RowIdOf("v")} FROM LanguageVersions v WHERE v.DocumentId = {documentId});
        DELETE FROM SearchIndex WHERE rowid = {documentId} * 8 + {SearchTags.CatalogueSlot};
        {Insert($"v.DocumentId = {documentId}")}
        {InsertCatalogue($"d.Id = {documentId}")}
        """;

    /// <summary>The catalogue rows of the documents on an agenda item, whose titles they hold.</summary>
    private static string ReindexCatalogueOfAgendaItem(string agendaItemId) => $"""
        DELETE FROM SearchIndex WHERE rowid IN (SELECT da.DocumentId * 8 + {SearchTags.CatalogueSlot} FROM DocumentAgendaItems da WHERE da.AgendaItemId = {agendaItemId});
        {InsertCatalogue($"d.Id IN (SELECT da.DocumentId FROM DocumentAgendaItems da WHERE da.AgendaItemId = {agendaItemId})")}
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
        Trigger("SearchIndex_Documents_Insert", "AFTER INSERT ON Documents", InsertCatalogue("d.Id = NEW.Id"));
        Trigger("SearchIndex_Documents_Update", "AFTER UPDATE OF Status, Distribution, Kind, Sender, ListedOn, CatalogTitle ON Documents", ReindexDocument("NEW.Id"));
        Trigger("SearchIndex_Documents_Delete", "AFTER DELETE ON Documents", $"DELETE FROM SearchIndex WHERE rowid = OLD.Id * 8 + {SearchTags.CatalogueSlot};");
        Trigger("SearchIndex_AgendaItemTitles_Insert", "AFTER INSERT ON AgendaItemTitles", ReindexCatalogueOfAgendaItem("NEW.AgendaItemId"));
        Trigger("SearchIndex_AgendaItemTitles_Update", "AFTER UPDATE OF Title, AgendaItemId ON AgendaItemTitles",
            ReindexCatalogueOfAgendaItem("OLD.AgendaItemId") + "\n" + ReindexCatalogueOfAgendaItem("NEW.AgendaItemId"));
        Trigger("SearchIndex_AgendaItemTitles_Delete", "AFTER DELETE ON AgendaItemTitles", ReindexCatalogueOfAgendaItem("OLD.AgendaItemId"));
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
