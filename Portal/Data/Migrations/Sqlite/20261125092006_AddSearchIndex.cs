using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// The search index as it was created on 2026-11-25. Its SQL is written out here, not taken from
    /// SqliteSearchSchema, so that changing that class later never changes what this migration did:
    /// a change to the search schema gets a migration of its own.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateTables);
            migrationBuilder.Sql(RebuildAll);
            migrationBuilder.Sql(CreateTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropTriggers);
            migrationBuilder.Sql(DropTables);
        }

        internal const string CreateTables = """
            CREATE VIRTUAL TABLE SearchText USING fts5(
                Title, Body, Extra, DocumentId UNINDEXED, Language UNINDEXED,
                tokenize = 'trigram case_sensitive 0 remove_diacritics 1');
            CREATE VIRTUAL TABLE SearchCjk USING fts5(
                Terms, content = '', contentless_delete = 1, tokenize = 'unicode61');
            """;

        internal const string RebuildAll = """
            DELETE FROM SearchText;
            DELETE FROM SearchCjk;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE 1 = 1;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText)
                WHERE Terms <> '';
            """;

        internal const string CreateTriggers = """
            CREATE TRIGGER SearchIndex_LanguageVersions_Insert AFTER INSERT ON LanguageVersions BEGIN
            DELETE FROM SearchText WHERE rowid = NEW.Id;
            DELETE FROM SearchCjk WHERE rowid = NEW.Id;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.Id;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.Id)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_LanguageVersions_Update AFTER UPDATE OF Title, BodyMarkdown, Language, DocumentId ON LanguageVersions BEGIN
            DELETE FROM SearchText WHERE rowid = NEW.Id;
            DELETE FROM SearchCjk WHERE rowid = NEW.Id;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.Id;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.Id)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_LanguageVersions_Delete AFTER DELETE ON LanguageVersions BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.Id;
            DELETE FROM SearchCjk WHERE rowid = OLD.Id;
            END;
            CREATE TRIGGER SearchIndex_Annexes_Insert AFTER INSERT ON Annexes BEGIN
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Annexes_Update AFTER UPDATE OF Heading, Title, BodyMarkdown, LanguageVersionId ON Annexes BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Annexes_Delete AFTER DELETE ON Annexes BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Insert AFTER INSERT ON Footnotes BEGIN
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Update AFTER UPDATE OF TextMarkdown, LanguageVersionId ON Footnotes BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Footnotes_Delete AFTER DELETE ON Footnotes BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Signatories_Insert AFTER INSERT ON Signatories BEGIN
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Signatories_Update AFTER UPDATE OF Name, LanguageVersionId ON Signatories BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
            DELETE FROM SearchText WHERE rowid = NEW.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = NEW.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = NEW.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = NEW.LanguageVersionId)
                WHERE Terms <> '';
            END;
            CREATE TRIGGER SearchIndex_Signatories_Delete AFTER DELETE ON Signatories BEGIN
            DELETE FROM SearchText WHERE rowid = OLD.LanguageVersionId;
            DELETE FROM SearchCjk WHERE rowid = OLD.LanguageVersionId;
            INSERT INTO SearchText(rowid, Title, Body, Extra, DocumentId, Language)
                SELECT v.Id, portal_search_fold(v.Title), portal_search_fold(v.BodyMarkdown), portal_search_fold(
                    coalesce((SELECT group_concat(coalesce(a.Heading, '') || char(10) || coalesce(a.Title, '') || char(10) || a.BodyMarkdown, char(10)) FROM Annexes a WHERE a.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(f.TextMarkdown, char(10)) FROM Footnotes f WHERE f.LanguageVersionId = v.Id), '') || char(10) ||
                    coalesce((SELECT group_concat(s.Name, char(10)) FROM Signatories s WHERE s.LanguageVersionId = v.Id), '')),
                    v.DocumentId, v.Language
                FROM LanguageVersions v WHERE v.Id = OLD.LanguageVersionId;
            INSERT INTO SearchCjk(rowid, Terms)
                SELECT rowid, Terms FROM (SELECT rowid, portal_cjk_bigrams(Title || char(10) || Body || char(10) || Extra) AS Terms FROM SearchText WHERE rowid = OLD.LanguageVersionId)
                WHERE Terms <> '';
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
            """;

        internal const string DropTables = """
            DROP TABLE IF EXISTS SearchCjk;
            DROP TABLE IF EXISTS SearchText;
            """;
    }
}
