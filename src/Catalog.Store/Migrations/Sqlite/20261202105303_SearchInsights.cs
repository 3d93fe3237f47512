using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Filters = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResultCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Corrected = table.Column<bool>(type: "INTEGER", nullable: false),
                    LatencyMs = table.Column<double>(type: "REAL", nullable: false),
                    Replica = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClickCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstClickPosition = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchClicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SearchId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchClicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchClicks_SearchEvents_SearchId",
                        column: x => x.SearchId,
                        principalTable: "SearchEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchClicks_At",
                table: "SearchClicks",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SearchClicks_SearchId",
                table: "SearchClicks",
                column: "SearchId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEvents_At",
                table: "SearchEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEvents_Day",
                table: "SearchEvents",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchClicks");

            migrationBuilder.DropTable(
                name: "SearchEvents");
        }
    }
}
