using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The PostgreSQL search index (read by <see cref="Search.PostgreSqlSearchIndex"/>), created by SQL
    /// outside the EF model so the model snapshot does not change. One row per language version in
    /// <c>SearchText</c>: the folded texts snippets are cut from, <c>Words</c> (a <c>tsvector</c> made with
    /// the version's language configuration: English, French, Spanish and Russian stemming, <c>simple</c>
    /// for the others, every one with <c>unaccent</c>; title weighted A, body B, annexes, footnotes and
    /// signatories C) and <c>Cjk</c> (overlapping CJK character bigrams, title A, rest B), both under GIN.
    /// Triggers rebuild a version's row when it or its annexes, footnotes or signatories change, inside
    /// the writing transaction, as the SQLite index does. Like the SQLite search migration, its SQL is
    /// written out here: a later change to the search schema gets a migration of its own.
    /// </summary>
    public partial class AddPostgreSqlSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Extensions);
            migrationBuilder.Sql(Configurations);
            migrationBuilder.Sql(Functions);
            migrationBuilder.Sql(Table);
            migrationBuilder.Sql(Source);
            migrationBuilder.Sql(Triggers);
            migrationBuilder.Sql("""INSERT INTO "SearchText" SELECT * FROM "SearchTextSource";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "SearchIndex_LanguageVersions" ON "LanguageVersions";
                DROP TRIGGER IF EXISTS "SearchIndex_Annexes" ON "Annexes";
                DROP TRIGGER IF EXISTS "SearchIndex_Footnotes" ON "Footnotes";
                DROP TRIGGER IF EXISTS "SearchIndex_Signatories" ON "Signatories";
                DROP FUNCTION IF EXISTS portal_search_version_changed();
                DROP FUNCTION IF EXISTS portal_search_part_changed();
                DROP FUNCTION IF EXISTS portal_search_reindex(integer);
                DROP VIEW IF EXISTS "SearchTextSource";
                DROP TABLE IF EXISTS "SearchText";
                DROP FUNCTION IF EXISTS portal_search_words(regconfig, text, "char");
                DROP FUNCTION IF EXISTS portal_search_config(text);
                DROP FUNCTION IF EXISTS portal_cjk_bigrams(text);
                DROP FUNCTION IF EXISTS portal_search_fold(text);
                DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_english;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_french;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_spanish;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_russian;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_simple;
                """);
        }

        // unaccent is a trusted extension: a database owner without superuser rights may create it.
        private const string Extensions = "CREATE EXTENSION IF NOT EXISTS unaccent;";

        private const string Configurations = """
            CREATE TEXT SEARCH CONFIGURATION portal_english (COPY = pg_catalog.english);
            ALTER TEXT SEARCH CONFIGURATION portal_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            CREATE TEXT SEARCH CONFIGURATION portal_french (COPY = pg_catalog.french);
            ALTER TEXT SEARCH CONFIGURATION portal_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            CREATE TEXT SEARCH CONFIGURATION portal_spanish (COPY = pg_catalog.spanish);
            ALTER TEXT SEARCH CONFIGURATION portal_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
            CREATE TEXT SEARCH CONFIGURATION portal_russian (COPY = pg_catalog.russian);
            ALTER TEXT SEARCH CONFIGURATION portal_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;
            CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION portal_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
            """;

        // portal_search_fold and portal_cjk_bigrams are SearchText.Fold and SearchText.CjkBigrams in SQL.
        private const string Functions = """
            CREATE FUNCTION portal_search_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$ SELECT translate(regexp_replace($1, '[\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]', '', 'g'), 'ёЁ', 'еЕ') $$;

            CREATE FUNCTION portal_cjk_bigrams(text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$
                SELECT coalesce(string_agg(
                    CASE WHEN length(r.run[1]) = 1 THEN r.run[1]
                         ELSE (SELECT string_agg(substr(r.run[1], i, 2), ' ' ORDER BY i) FROM generate_series(1, length(r.run[1]) - 1) AS i)
                    END, ' ' ORDER BY r.n), '')
                FROM regexp_matches($1, '[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]+', 'g') WITH ORDINALITY AS r(run, n)
                $$;

            CREATE FUNCTION portal_search_config(language text) RETURNS regconfig
                LANGUAGE sql STABLE STRICT PARALLEL SAFE
                AS $$
                SELECT (CASE language WHEN 'en' THEN 'portal_english' WHEN 'fr' THEN 'portal_french' WHEN 'es' THEN 'portal_spanish'
                    WHEN 'ru' THEN 'portal_russian' ELSE 'portal_simple' END)::regconfig
                $$;
            """;

        private const string Table = """
            CREATE TABLE "SearchText" (
                "VersionId" integer NOT NULL PRIMARY KEY REFERENCES "LanguageVersions" ("Id") ON DELETE CASCADE,
                "DocumentId" integer NOT NULL,
                "Language" character varying(2) NOT NULL,
                "Title" text NOT NULL,
                "Body" text NOT NULL,
                "Extra" text NOT NULL,
                "Words" tsvector NOT NULL,
                "Cjk" tsvector NOT NULL);
            CREATE INDEX "IX_SearchText_Words" ON "SearchText" USING gin ("Words");
            CREATE INDEX "IX_SearchText_Cjk" ON "SearchText" USING gin ("Cjk");
            CREATE INDEX "IX_SearchText_DocumentId" ON "SearchText" ("DocumentId");
            """;

        // What a version's row holds, computed from the catalogue: the backfill and every reindex read it.
        // Words holds each text twice, stemmed by its language's configuration (a word's other forms match)
        // and unstemmed (a word matches as the start of what was typed, as the SQLite index finds it).
        // Two transactions that change parts of one version reindex it one after the other: the advisory
        // lock (held to the end of the transaction) makes the second wait, and its next statements, each
        // with a new snapshot, read what the first committed instead of replacing it with an older state.
        // A tsvector is limited to 1 MB, so the vectors are made from the first 250,000 characters of each
        // part (the stored texts are whole); a longer text is indexed up to there rather than refused.
        private const string Source = """
            CREATE FUNCTION portal_search_words(config regconfig, part text, weight "char") RETURNS tsvector
                LANGUAGE sql STABLE STRICT PARALLEL SAFE
                AS $$
                SELECT setweight(to_tsvector(config, left(part, 250000)), weight)
                    || CASE WHEN config = 'portal_simple'::regconfig THEN ''::tsvector
                            ELSE setweight(to_tsvector('portal_simple', left(part, 250000)), weight) END
                $$;

            CREATE VIEW "SearchTextSource" AS
            SELECT t."VersionId", t."DocumentId", t."Language", t."Title", t."Body", t."Extra",
                portal_search_words(t.config, t."Title", 'A') || portal_search_words(t.config, t."Body", 'B')
                    || portal_search_words(t.config, t."Extra", 'C') AS "Words",
                setweight(to_tsvector('simple', portal_cjk_bigrams(left(t."Title", 250000))), 'A')
                    || setweight(to_tsvector('simple', portal_cjk_bigrams(left(t."Body" || E'\n' || t."Extra", 250000))), 'B') AS "Cjk"
            FROM (
                SELECT v."Id" AS "VersionId", v."DocumentId", v."Language", portal_search_config(v."Language") AS config,
                    portal_search_fold(v."Title") AS "Title",
                    portal_search_fold(v."BodyMarkdown") AS "Body",
                    portal_search_fold(
                        coalesce((SELECT string_agg(coalesce(a."Heading", '') || E'\n' || coalesce(a."Title", '') || E'\n' || a."BodyMarkdown", E'\n' ORDER BY a."Id") FROM "Annexes" a WHERE a."LanguageVersionId" = v."Id"), '') || E'\n' ||
                        coalesce((SELECT string_agg(f."TextMarkdown", E'\n' ORDER BY f."Id") FROM "Footnotes" f WHERE f."LanguageVersionId" = v."Id"), '') || E'\n' ||
                        coalesce((SELECT string_agg(s."Name", E'\n' ORDER BY s."Id") FROM "Signatories" s WHERE s."LanguageVersionId" = v."Id"), '')) AS "Extra"
                FROM "LanguageVersions" v) AS t;

            CREATE FUNCTION portal_search_reindex(version_id integer) RETURNS void
                LANGUAGE sql
                AS $$
                SELECT pg_advisory_xact_lock(5318, version_id);
                DELETE FROM "SearchText" WHERE "VersionId" = version_id;
                INSERT INTO "SearchText" SELECT * FROM "SearchTextSource" WHERE "VersionId" = version_id;
                $$;
            """;

        private const string Triggers = """
            CREATE FUNCTION portal_search_version_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    PERFORM portal_search_reindex(NEW."Id");
                    RETURN NULL;
                END
                $$;

            CREATE FUNCTION portal_search_part_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM portal_search_reindex(NEW."LanguageVersionId");
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM portal_search_reindex(OLD."LanguageVersionId");
                    ELSE
                        PERFORM portal_search_reindex(OLD."LanguageVersionId");
                        IF NEW."LanguageVersionId" <> OLD."LanguageVersionId" THEN
                            PERFORM portal_search_reindex(NEW."LanguageVersionId");
                        END IF;
                    END IF;
                    RETURN NULL;
                END
                $$;

            CREATE TRIGGER "SearchIndex_LanguageVersions" AFTER INSERT OR UPDATE OF "Title", "BodyMarkdown", "Language", "DocumentId" ON "LanguageVersions"
                FOR EACH ROW EXECUTE FUNCTION portal_search_version_changed();
            CREATE TRIGGER "SearchIndex_Annexes" AFTER INSERT OR DELETE OR UPDATE OF "Heading", "Title", "BodyMarkdown", "LanguageVersionId" ON "Annexes"
                FOR EACH ROW EXECUTE FUNCTION portal_search_part_changed();
            CREATE TRIGGER "SearchIndex_Footnotes" AFTER INSERT OR DELETE OR UPDATE OF "TextMarkdown", "LanguageVersionId" ON "Footnotes"
                FOR EACH ROW EXECUTE FUNCTION portal_search_part_changed();
            CREATE TRIGGER "SearchIndex_Signatories" AFTER INSERT OR DELETE OR UPDATE OF "Name", "LanguageVersionId" ON "Signatories"
                FOR EACH ROW EXECUTE FUNCTION portal_search_part_changed();
            """;
    }
}
