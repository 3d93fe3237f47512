using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewRatingShare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewRatingCount",
                table: "Titles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ReviewRatingSum",
                table: "Titles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewRatingCount",
                table: "Titles");

            migrationBuilder.DropColumn(
                name: "ReviewRatingSum",
                table: "Titles");
        }
    }
}
