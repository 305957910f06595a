using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The catalogue beside the texts in the PostgreSQL search index (read by <see cref="Search.PostgreSqlSearchIndex"/>):
    /// one <c>SearchCatalogue</c> row per document holding its catalogue title (English configuration, weight A) and the
    /// titles of its agenda items in every language (each with its language's configuration, weight B), as words and as
    /// CJK bigrams, under GIN. A search in any language then finds a document by what the catalogue says it is, whatever
    /// languages it is held in (issue 17). Triggers on Documents, DocumentAgendaItems and AgendaItemTitles rewrite a
    /// document's row inside the writing transaction, as the text rows are. Its SQL is written out here.
    /// </summary>
    public partial class AddCatalogueSearchRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Table);
            migrationBuilder.Sql(Source);
            migrationBuilder.Sql(Triggers);
            migrationBuilder.Sql("""INSERT INTO "SearchCatalogue" SELECT * FROM "SearchCatalogueSource";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "SearchCatalogue_Documents" ON "Documents";
                DROP TRIGGER IF EXISTS "SearchCatalogue_DocumentAgendaItems" ON "DocumentAgendaItems";
                DROP TRIGGER IF EXISTS "SearchCatalogue_AgendaItemTitles" ON "AgendaItemTitles";
                DROP FUNCTION IF EXISTS portal_search_catalogue_document_changed();
                DROP FUNCTION IF EXISTS portal_search_catalogue_link_changed();
                DROP FUNCTION IF EXISTS portal_search_catalogue_title_changed();
                DROP FUNCTION IF EXISTS portal_search_catalogue_reindex(integer);
                DROP VIEW IF EXISTS "SearchCatalogueSource";
                DROP TABLE IF EXISTS "SearchCatalogue";
                DROP AGGREGATE IF EXISTS portal_tsvector_agg(tsvector);
                """);
        }

        private const string Table = """
            CREATE TABLE "SearchCatalogue" (
                "DocumentId" integer NOT NULL PRIMARY KEY REFERENCES "Documents" ("Id") ON DELETE CASCADE,
                "Text" text NOT NULL,
                "Words" tsvector NOT NULL,
                "Cjk" tsvector NOT NULL);
            CREATE INDEX "IX_SearchCatalogue_Words" ON "SearchCatalogue" USING gin ("Words");
            CREATE INDEX "IX_SearchCatalogue_Cjk" ON "SearchCatalogue" USING gin ("Cjk");
            """;

        // What a document's row holds, from the catalogue: the backfill and every reindex read it. Text is the folded
        // titles, for the check of Chinese terms as written; the agenda items' titles come in the document's order of items.
        private const string Source = """
            CREATE AGGREGATE portal_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

            CREATE VIEW "SearchCatalogueSource" AS
            SELECT d."Id" AS "DocumentId",
                portal_search_fold(coalesce(d."CatalogTitle", '') || E'\n' || coalesce(a.titles, '')) AS "Text",
                portal_search_words('portal_english', portal_search_fold(coalesce(d."CatalogTitle", '')), 'A') || coalesce(a.words, ''::tsvector) AS "Words",
                setweight(to_tsvector('simple', portal_cjk_bigrams(left(coalesce(d."CatalogTitle", ''), 250000))), 'A')
                    || setweight(to_tsvector('simple', portal_cjk_bigrams(left(coalesce(a.titles, ''), 250000))), 'B') AS "Cjk"
            FROM "Documents" d
            LEFT JOIN LATERAL (
                SELECT string_agg(t."Title", E'\n' ORDER BY da."Position", t."Id") AS titles,
                    portal_tsvector_agg(portal_search_words(portal_search_config(t."Language"), portal_search_fold(t."Title"), 'B') ORDER BY da."Position", t."Id") AS words
                FROM "DocumentAgendaItems" da JOIN "AgendaItemTitles" t ON t."AgendaItemId" = da."AgendaItemId"
                WHERE da."DocumentId" = d."Id") AS a ON true;

            CREATE FUNCTION portal_search_catalogue_reindex(document_id integer) RETURNS void
                LANGUAGE sql
                AS $$
                SELECT pg_advisory_xact_lock(5319, document_id);
                DELETE FROM "SearchCatalogue" WHERE "DocumentId" = document_id;
                INSERT INTO "SearchCatalogue" SELECT * FROM "SearchCatalogueSource" WHERE "DocumentId" = document_id;
                $$;
            """;

        private const string Triggers = """
            CREATE FUNCTION portal_search_catalogue_document_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    PERFORM portal_search_catalogue_reindex(NEW."Id");
                    RETURN NULL;
                END
                $$;

            CREATE FUNCTION portal_search_catalogue_link_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM portal_search_catalogue_reindex(OLD."DocumentId");
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM portal_search_catalogue_reindex(NEW."DocumentId");
                    END IF;
                    RETURN NULL;
                END
                $$;

            CREATE FUNCTION portal_search_catalogue_title_changed() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        PERFORM portal_search_catalogue_reindex(da."DocumentId") FROM "DocumentAgendaItems" da WHERE da."AgendaItemId" = OLD."AgendaItemId";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM portal_search_catalogue_reindex(da."DocumentId") FROM "DocumentAgendaItems" da WHERE da."AgendaItemId" = NEW."AgendaItemId";
                    END IF;
                    RETURN NULL;
                END
                $$;

            CREATE TRIGGER "SearchCatalogue_Documents" AFTER INSERT OR UPDATE OF "CatalogTitle" ON "Documents"
                FOR EACH ROW EXECUTE FUNCTION portal_search_catalogue_document_changed();
            CREATE TRIGGER "SearchCatalogue_DocumentAgendaItems" AFTER INSERT OR DELETE OR UPDATE OF "AgendaItemId", "DocumentId", "Position" ON "DocumentAgendaItems"
                FOR EACH ROW EXECUTE FUNCTION portal_search_catalogue_link_changed();
            CREATE TRIGGER "SearchCatalogue_AgendaItemTitles" AFTER INSERT OR DELETE OR UPDATE OF "Title", "Language", "AgendaItemId" ON "AgendaItemTitles"
                FOR EACH ROW EXECUTE FUNCTION portal_search_catalogue_title_changed();
            """;
    }
}
