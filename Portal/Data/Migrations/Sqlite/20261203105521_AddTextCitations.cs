using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTextCitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TextCitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetSymbol = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TextCitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TextCitations_Documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TextCitations_SourceDocumentId_TargetKey",
                table: "TextCitations",
                columns: new[] { "SourceDocumentId", "TargetKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TextCitations_TargetKey",
                table: "TextCitations",
                column: "TargetKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TextCitations");
        }
    }
}
