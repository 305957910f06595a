using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Replaces the trigram index (SearchText, SearchCjk and their twelve triggers) with the word index of
    /// issue 16: one contentless FTS5 table of word and CJK-bigram tokens with the filters as tags, and its
    /// triggers. Its SQL is written out in ReshapeSearchIndexSql, not taken from SqliteSearchSchema, so a later
    /// change of that class never changes what this migration did. Down restores the trigram index as
    /// AddSearchIndex created it, rebuilt from the catalogue.
    /// </summary>
    public partial class ReshapeSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AddSearchIndex.DropTriggers);
            migrationBuilder.Sql(AddSearchIndex.DropTables);
            migrationBuilder.Sql(ReshapeSearchIndexSql.CreateTable);
            migrationBuilder.Sql(ReshapeSearchIndexSql.RebuildAll);
            migrationBuilder.Sql(ReshapeSearchIndexSql.CreateTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReshapeSearchIndexSql.DropTriggers);
            migrationBuilder.Sql(ReshapeSearchIndexSql.DropTable);
            migrationBuilder.Sql(AddSearchIndex.CreateTables);
            migrationBuilder.Sql(AddSearchIndex.RebuildAll);
            migrationBuilder.Sql(AddSearchIndex.CreateTriggers);
        }
    }
}

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>The word index's SQL as ReshapeSearchIndex created it (SqliteSearchSchema on 2026-12-03), written out.</summary>
    internal static class ReshapeSearchIndexSql
    {
        internal const string CreateTable = """
            CREATE VIRTUAL TABLE SearchIndex USING fts5(
                Title, Body, Extra, Tags,
                content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2');
            """;

        internal const string DropTable = """
            DROP TABLE IF EXISTS SearchIndex;
            """;

        internal const string RebuildAll = """
            DELETE FROM SearchIndex;
            INSERT INTO SearchIndex(rowid, Title, Body, Extra, Tags)
                SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END), portal_search_text(v.Title), portal_search_text(v.BodyMarkdown), portal_search_text(coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
            coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    portal_search_tags(v.Language, d.Status, d.Distribution, d.Kind, d.Sender, d.ListedOn,
                        (SELECT group_concat(ds.SessionId) FROM DocumentSessions ds WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(se.Organ) FROM DocumentSessions ds JOIN Sessions se ON se.Id = ds.SessionId WHERE ds.DocumentId = d.Id),
                        (SELECT group_concat(da.AgendaItemId) FROM DocumentAgendaItems da WHERE da.DocumentId = d.Id),
                        (SELECT group_concat(m.MemberState, char(10)) FROM DocumentMemberStates m WHERE m.DocumentId = d.Id))
                FROM LanguageVersions v JOIN Documents d ON d.Id = v.DocumentId WHERE 1 = 1;
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
            CREATE TRIGGER SearchIndex_Documents_Update AFTER UPDATE OF Status, Distribution, Kind, Sender, ListedOn ON Documents BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.Id);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentSessions_Insert AFTER INSERT ON DocumentSessions BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentSessions_Delete AFTER DELETE ON DocumentSessions BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Insert AFTER INSERT ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Update AFTER UPDATE OF AgendaItemId, DocumentId ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
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
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentAgendaItems_Delete AFTER DELETE ON DocumentAgendaItems BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Insert AFTER INSERT ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Update AFTER UPDATE OF MemberState, DocumentId ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
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
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = NEW.DocumentId);
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
            END;
            CREATE TRIGGER SearchIndex_DocumentMemberStates_Delete AFTER DELETE ON DocumentMemberStates BEGIN
            DELETE FROM SearchIndex WHERE rowid IN (SELECT (v.DocumentId * 8 + CASE v.Language WHEN 'ar' THEN 1 WHEN 'zh' THEN 2 WHEN 'en' THEN 3 WHEN 'fr' THEN 4 WHEN 'ru' THEN 5 WHEN 'es' THEN 6 ELSE 7 END) FROM LanguageVersions v WHERE v.DocumentId = OLD.DocumentId);
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
            END;
            """;

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
            DROP TRIGGER IF EXISTS SearchIndex_Documents_Update;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentSessions_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentSessions_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Update;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentAgendaItems_Delete;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Insert;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Update;
            DROP TRIGGER IF EXISTS SearchIndex_DocumentMemberStates_Delete;
            """;
    }
}
