using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddFileStoreKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FileStoreKeys",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileStoreKeys", x => x.Sha256);
                });

            // Every file the database refers to was put by it (or by the database it was restored or imported from), so the
            // sweep may delete it once nothing refers to it; files it does not know of are never deleted.
            foreach (var (table, condition) in new[] { ("StoredFiles", "true"), ("IngestionFiles", "\"Sha256\" <> ''"), ("BulkDumps", "true") })
            {
                migrationBuilder.Sql($"INSERT INTO \"FileStoreKeys\" (\"Sha256\") SELECT DISTINCT \"Sha256\" FROM \"{table}\" WHERE {condition} ON CONFLICT DO NOTHING;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FileStoreKeys");
        }
    }
}
