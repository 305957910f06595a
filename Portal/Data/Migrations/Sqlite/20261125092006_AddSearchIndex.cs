using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data.Search;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSchema.CreateTables);
            migrationBuilder.Sql(SqliteSearchSchema.RebuildAll);
            migrationBuilder.Sql(SqliteSearchSchema.CreateTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSchema.DropTriggers);
            migrationBuilder.Sql(SqliteSearchSchema.DropTables);
        }
    }
}
