using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Adds SearchWords, every word of the indexed texts once, so that a typed word is widened to the words it
    /// begins with an OR that FTS5 reads lazily instead of its prefix query, which merges every such word's whole
    /// doclist first (issue 16). It is filled from the index's own vocabulary, and triggers add the words of texts
    /// written from now on. The SQL is written out, as SqliteSearchSchema gave it on 2026-12-03.
    /// </summary>
    public partial class AddSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS SearchWords(Word TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchIndexTerms USING fts5vocab(main, 'SearchIndex', 'col');
                INSERT OR IGNORE INTO SearchWords(Word) SELECT DISTINCT term FROM temp.SearchIndexTerms WHERE col <> 'Tags';
                DROP TABLE temp.SearchIndexTerms;
                """);
            migrationBuilder.Sql(AddSearchWordsSql.CreateTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AddSearchWordsSql.DropTriggers);
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS SearchWords;
                """);
        }
    }

    internal static class AddSearchWordsSql
    {
        internal const string CreateTriggers = """
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
            """;

        internal const string DropTriggers = """
            DROP TRIGGER IF EXISTS SearchWords_LanguageVersions_Insert;
            DROP TRIGGER IF EXISTS SearchWords_LanguageVersions_Update;
            DROP TRIGGER IF EXISTS SearchWords_Annexes_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Annexes_Update;
            DROP TRIGGER IF EXISTS SearchWords_Footnotes_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Footnotes_Update;
            DROP TRIGGER IF EXISTS SearchWords_Signatories_Insert;
            DROP TRIGGER IF EXISTS SearchWords_Signatories_Update;
            """;
    }
}
