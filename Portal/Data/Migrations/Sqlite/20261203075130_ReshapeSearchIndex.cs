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
    internal static class ReshapeSearchIndexSql
    {
        internal static string CreateTable => Portal.Data.Search.SqliteSearchSchema.CreateTable;
        internal static string DropTable => Portal.Data.Search.SqliteSearchSchema.DropTable;
        internal static string RebuildAll => Portal.Data.Search.SqliteSearchSchema.RebuildAll;
        internal static string CreateTriggers => Portal.Data.Search.SqliteSearchSchema.CreateTriggers;
        internal static string DropTriggers => Portal.Data.Search.SqliteSearchSchema.DropTriggers;
    }
}
