using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDocumentChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedAt",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                // Documents already held count as changed when the migration runs: a mirror that started
                // earlier is sent each of them once more, and none is missed.
                defaultValue: new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped(DateTimeOffset.UtcNow));

            migrationBuilder.AddColumn<bool>(
                name: "EverPublic",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Published documents could be read by the public while General or Limited (the
            // distribution before a change is not known; the current one is the best evidence).
            migrationBuilder.Sql("""UPDATE "Documents" SET "EverPublic" = 1 WHERE "PublishedAt" IS NOT NULL AND "Distribution" <> 3""");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ChangedAt_Id",
                table: "Documents",
                columns: new[] { "ChangedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_ChangedAt_Id",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "EverPublic",
                table: "Documents");
        }
    }
}
