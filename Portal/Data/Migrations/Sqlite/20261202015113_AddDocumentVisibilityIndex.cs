using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDocumentVisibilityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Documents_Status_Distribution",
                table: "Documents",
                columns: new[] { "Status", "Distribution" });

            // Without statistics for the new index, SQLite's planner takes it for far more selective
            // than the (Status, ListedOn) index it already has numbers for, and the journal and agenda
            // lists start sorting every published document (measured at 1M: 17 → 167 ms). Sampled.
            migrationBuilder.Sql("PRAGMA analysis_limit = 2000; ANALYZE \"Documents\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_Status_Distribution",
                table: "Documents");
        }
    }
}
