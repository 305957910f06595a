using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddScheduledDerestriction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DerestrictOn",
                table: "Documents",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_DerestrictOn",
                table: "Documents",
                column: "DerestrictOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_DerestrictOn",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "DerestrictOn",
                table: "Documents");
        }
    }
}
