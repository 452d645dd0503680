using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RefundSaver.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DatabaseIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "database_identity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_database_identity", x => x.id);
                });

            // Made with the database (or on its first start with this version): Redis's keyspace follows it.
            migrationBuilder.Sql("INSERT INTO database_identity (id) VALUES (gen_random_uuid());");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "database_identity");
        }
    }
}
