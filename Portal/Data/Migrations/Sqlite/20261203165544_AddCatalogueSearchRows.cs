using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// One catalogue row per document in the search index (row id = document id × 8, slot 0): the catalogue title, and the
    /// titles of the document's agenda items in every language, with the document's tags, so a search in any language finds
    /// a document by what the catalogue says it is, whatever languages it is held in (issue 17). Triggers on Documents and
    /// AgendaItemTitles keep the rows and the word list in step. The SQL is written out, as SqliteSearchSchema gave it on
    /// 2026-12-03; no earlier migration wrote a row in slot 0, so the backfill only inserts.
    /// </summary>
    public partial class AddCatalogueSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AddCatalogueSearchRowsSql.DropTriggers);
            migrationBuilder.Sql(AddCatalogueSearchRowsSql.CreateTriggers);
            migrationBuilder.Sql(AddCatalogueSearchRowsSql.InsertCatalogueRows);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO SearchWords(Word) SELECT w.value FROM Documents d, json_each(portal_search_words(coalesce(d.CatalogTitle, ''))) w;
                INSERT OR IGNORE INTO SearchWords(Word) SELECT w.value FROM AgendaItemTitles t, json_each(portal_search_words(t.Title)) w;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the triggers of ReshapeSearchIndex and AddSearchWords, and no catalogue rows.
            migrationBuilder.Sql(AddCatalogueSearchRowsSql.DropTriggers);
            migrationBuilder.Sql("DELETE FROM SearchIndex WHERE rowid IN (SELECT Id * 8 FROM Documents);");
            migrationBuilder.Sql(ReshapeSearchIndexSql.CreateTriggers);
            migrationBuilder.Sql(AddSearchWordsSql.CreateTriggers);
        }
    }

    internal static class AddCatalogueSearchRowsSql
    {
        internal const string DropTriggers = """
            DROP TRIGGER IF EXISTS SearchIndex_LanguageVersions_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_LanguageVersions_Update;
            DROP TRIGGER IF EXISTS SearchIndex_LanguageVersions_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_Annexes_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_Annexes_Update;
            DROP TRIGGER IF EXISTS SearchIndex_Annexes_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_Footnotes_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_Footnotes_Update;
            DROP TRIGGER IF EXISTS SearchIndex_Footnotes_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_Signatories_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_Signatories_Update;
            DROP TRIGGER IF EXISTS SearchIndex_Signatories_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_Documents_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_Documents_Update;
            DROP TRIGGER IF EXISTS SearchIndex_Documents_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_AgendaItemTitles_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_AgendaItemTitles_Update;
            DROP TRIGGER IF EXISTS SearchIndex_AgendaItemTitles_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentSessions_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentSessions_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Update;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Update;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Delete;
            DROP TRIGGER IF EXISTS SearchWords_LanguageVersions_Insert;
            DROP TRIGGER IF EXISTS SearchWords_LanguageVersions_Update;
            DROP TRIGGER IF EXISTS SearchWords_Annexes_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Annexes_Update;
            DROP TRIGGER IF EXISTS SearchWords_Footnotes_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Footnotes_Update;
            DROP TRIGGER IF EXISTS SearchWords_Signatories_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Signatories_Update;
            DROP TRIGGER IF EXISTS SearchWords_Documents_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Documents_Update;
            DROP TRIGGER IF EXISTS SearchWords_AgendaItemTitles_Insert;
            DROP TRIGGER IF EXISTS SearchWords_AgendaItemTitles_Update;
            """;

        internal const string CreateTriggers = """
            CREATE TRIGGER SearchIndex_LanguageVersions_Insert AFTER INSERT ON LanguageVersions BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.Id);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.Id;
            END;
            CREATE TRIGGER SearchIndex_LanguageVersions_Update AFTER UPDATE OF Title, BodyMarkdown, Language, DocumentId ON LanguageVersions BEGIN
            DELETE FROM SearchIndex WHERE rowid = (OLD.DocumentId * 8 + CASE OLD.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END);
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.Id);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.Id;
            END;
            CREATE TRIGGER SearchIndex_LanguageVersions_Delete AFTER DELETE ON LanguageVersions BEGIN
            DELETE FROM SearchIndex WHERE rowid = (OLD.DocumentId * 8 + CASE OLD.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END);
            END;
            CREATE TRIGGER SearchIndex_Annexes_Insert AFTER INSERT ON Annexes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Annexes_Update AFTER UPDATE OF Heading, Title, BodyMarkdown, LanguageVersionId ON Annexes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Annexes_Delete AFTER DELETE ON Annexes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Insert AFTER INSERT ON Footnotes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Update AFTER UPDATE OF TextMarkdown, LanguageVersionId ON Footnotes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Delete AFTER DELETE ON Footnotes BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Signatories_Insert AFTER INSERT ON Signatories BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Signatories_Update AFTER UPDATE OF Name, LanguageVersionId ON Signatories BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = NEW.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Signatories_Delete AFTER DELETE ON Signatories BEGIN
            DELETE FROM SearchIndex WHERE rowid = (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.Id = OLD.LanguageVersionId;
            END;
            CREATE TRIGGER SearchIndex_Documents_Insert AFTER INSERT ON Documents BEGIN
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.Id;
            END;
            CREATE TRIGGER SearchIndex_Documents_Update AFTER UPDATE OF Status, Distribution, Kind, Sender, ListedOn, CatalogTitle ON Documents BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.Id);
            DELETE FROM SearchIndex WHERE rowid = NEW.Id * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.Id;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.Id;
            END;
            CREATE TRIGGER SearchIndex_Documents_Delete AFTER DELETE ON Documents BEGIN
            DELETE FROM SearchIndex WHERE rowid = OLD.Id * 8 + 0;
            END;
            CREATE TRIGGER SearchIndex_AgendaItemTitles_Insert AFTER INSERT ON AgendaItemTitles BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT da.DocumentId * 8 + 0 FROM DocumentAgendaItems da WHERE da.AgendaItemId = NEW.AgendaItemId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id IN (SELECT da.DocumentId FROM DocumentAgendaItems da WHERE da.AgendaItemId = NEW.AgendaItemId);
            END;
            CREATE TRIGGER SearchIndex_AgendaItemTitles_Update AFTER UPDATE OF Title, AgendaItemId ON AgendaItemTitles BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT da.DocumentId * 8 + 0 FROM DocumentAgendaItems da WHERE da.AgendaItemId = OLD.AgendaItemId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id IN (SELECT da.DocumentId FROM DocumentAgendaItems da WHERE da.AgendaItemId = OLD.AgendaItemId);
            DELETE FROM SearchIndex WHERE rowid IN (SELECT da.DocumentId * 8 + 0 FROM DocumentAgendaItems da WHERE da.AgendaItemId = NEW.AgendaItemId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id IN (SELECT da.DocumentId FROM DocumentAgendaItems da WHERE da.AgendaItemId = NEW.AgendaItemId);
            END;
            CREATE TRIGGER SearchIndex_AgendaItemTitles_Delete AFTER DELETE ON AgendaItemTitles BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT da.DocumentId * 8 + 0 FROM DocumentAgendaItems da WHERE da.AgendaItemId = OLD.AgendaItemId);
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id IN (SELECT da.DocumentId FROM DocumentAgendaItems da WHERE da.AgendaItemId = OLD.AgendaItemId);
            END;
            CREATE TRIGGER SearchIndex_DocumentSessions_Insert AFTER INSERT ON DocumentSessions BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = NEW.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentSessions_Delete AFTER DELETE ON DocumentSessions BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = OLD.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = OLD.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = OLD.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Insert AFTER INSERT ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = NEW.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Update AFTER UPDATE OF AgendaItemId, DocumentId ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = OLD.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = OLD.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = OLD.DocumentId;
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = NEW.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Delete AFTER DELETE ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = OLD.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = OLD.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = OLD.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Insert AFTER INSERT ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = NEW.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Update AFTER UPDATE OF MemberState, DocumentId ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = OLD.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = OLD.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = OLD.DocumentId;
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = NEW.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = NEW.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = NEW.DocumentId;
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Delete AFTER DELETE ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
            DELETE FROM SearchIndex WHERE rowid = OLD.DocumentId * 8 + 0;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE v.DocumentId = OLD.DocumentId;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE d.Id = OLD.DocumentId;
            END;
            CREATE TRIGGER SearchWords_LanguageVersions_Insert AFTER INSERT ON LanguageVersions BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Title, '') || char(10) || coalesce(NEW.BodyMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_LanguageVersions_Update AFTER UPDATE OF Title, BodyMarkdown ON LanguageVersions BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Title, '') || char(10) || coalesce(NEW.BodyMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_Annexes_Insert AFTER INSERT ON Annexes BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Heading, '') || char(10) || coalesce(NEW.Title, '') || char(10) || coalesce(NEW.BodyMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_Annexes_Update AFTER UPDATE OF Heading, Title, BodyMarkdown ON Annexes BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Heading, '') || char(10) || coalesce(NEW.Title, '') || char(10) || coalesce(NEW.BodyMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_Footnotes_Insert AFTER INSERT ON Footnotes BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.TextMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_Footnotes_Update AFTER UPDATE OF TextMarkdown ON Footnotes BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.TextMarkdown, '')));
            END;
            CREATE TRIGGER SearchWords_Signatories_Insert AFTER INSERT ON Signatories BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Name, '')));
            END;
            CREATE TRIGGER SearchWords_Signatories_Update AFTER UPDATE OF Name ON Signatories BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Name, '')));
            END;
            CREATE TRIGGER SearchWords_Documents_Insert AFTER INSERT ON Documents BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.CatalogTitle, '')));
            END;
            CREATE TRIGGER SearchWords_Documents_Update AFTER UPDATE OF CatalogTitle ON Documents BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.CatalogTitle, '')));
            END;
            CREATE TRIGGER SearchWords_AgendaItemTitles_Insert AFTER INSERT ON AgendaItemTitles BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Title, '')));
            END;
            CREATE TRIGGER SearchWords_AgendaItemTitles_Update AFTER UPDATE OF Title ON AgendaItemTitles BEGIN
            INSERT OR IGNORE INTO SearchWords(Word) SELECT value FROM json_each(portal_search_words(coalesce(NEW.Title, '')));
            END;
            """;

        internal const string InsertCatalogueRows = """
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT d.Id * 8 + 0, portal_search_text(coalesce(d.CatalogTitle, '')), '', portal_search_text(coalesce((SELECT group_concat(Title, char(10)) FROM (SELECT t.Title FROM DocumentAgendaItems da JOIN AgendaItemTitles t ON t.AgendaItemId = da.AgendaItemId WHERE da.DocumentId = d.Id ORDER BY da.Position, t.Id)), '')),
                    portal_search_tags(NULL, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM Documents d WHERE 1 = 1;
            """;
    }
}
