using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAgendaSubItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaSubItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaSubItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaSubItems_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentAgendaSubItems",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaSubItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentAgendaSubItems", x => new { x.DocumentId, x.AgendaSubItemId });
                    table.ForeignKey(
                        name: "FK_DocumentAgendaSubItems_AgendaSubItems_AgendaSubItemId",
                        column: x => x.AgendaSubItemId,
                        principalTable: "AgendaSubItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentAgendaSubItems_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaSubItems_AgendaItemId_Letter",
                table: "AgendaSubItems",
                columns: new[] { "AgendaItemId", "Letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAgendaSubItems_AgendaSubItemId",
                table: "DocumentAgendaSubItems",
                column: "AgendaSubItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentAgendaSubItems");

            migrationBuilder.DropTable(
                name: "AgendaSubItems");
        }
    }
}
