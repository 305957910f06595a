using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestrictRemovingVersionsWithFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StoredFiles_LanguageVersions_LanguageVersionId",
                table: "StoredFiles");

            migrationBuilder.AddForeignKey(
                name: "FK_StoredFiles_LanguageVersions_LanguageVersionId",
                table: "StoredFiles",
                column: "LanguageVersionId",
                principalTable: "LanguageVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StoredFiles_LanguageVersions_LanguageVersionId",
                table: "StoredFiles");

            migrationBuilder.AddForeignKey(
                name: "FK_StoredFiles_LanguageVersions_LanguageVersionId",
                table: "StoredFiles",
                column: "LanguageVersionId",
                principalTable: "LanguageVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
