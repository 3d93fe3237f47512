using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Catalog.Store.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Query = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Filters = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    ResultCount = table.Column<int>(type: "integer", nullable: false),
                    Corrected = table.Column<bool>(type: "boolean", nullable: false),
                    LatencyMs = table.Column<double>(type: "double precision", nullable: false),
                    Replica = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ClickCount = table.Column<int>(type: "integer", nullable: false),
                    FirstClickPosition = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchClicks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SearchId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    TitleId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
