using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RefundSaver.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ErasureAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "customer_erased",
                table: "app_store_transactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "erased_customers",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erased_customers", x => new { x.app_id, x.token_hash });
                    table.ForeignKey(
                        name: "fk_erased_customers_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erased_customers");

            migrationBuilder.DropColumn(
                name: "customer_erased",
                table: "app_store_transactions");
        }
    }
}
