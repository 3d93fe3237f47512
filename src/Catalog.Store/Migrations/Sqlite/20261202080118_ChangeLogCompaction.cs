using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChangeLogCompaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeLogWatermark",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CompactedThrough = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLogWatermark", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ChangeLogWatermark",
                columns: new[] { "Id", "CompactedThrough" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_TitleId_Sequence",
                table: "ChangeLog",
                columns: new[] { "TitleId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeLogWatermark");

            migrationBuilder.DropIndex(
                name: "IX_ChangeLog_TitleId_Sequence",
                table: "ChangeLog");
        }
    }
}
