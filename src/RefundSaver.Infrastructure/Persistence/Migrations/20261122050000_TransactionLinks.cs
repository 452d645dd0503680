using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>Whose purchase is it: profiles' app account tokens, and links the backend makes.</summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122050000_TransactionLinks")]
public sealed class TransactionLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "app_account_token", table: "profiles", type: "uuid", nullable: true);
        migrationBuilder.CreateIndex(
            name: "ix_profiles_app_id_app_account_token",
            table: "profiles",
            columns: ["app_id", "app_account_token"],
            unique: true);

        migrationBuilder.CreateTable(
            name: "transaction_links",
            columns: table => new
            {
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_transaction_links", link => new { link.app_id, link.original_transaction_id });
                table.ForeignKey(
                    name: "fk_transaction_links_apps_app_id",
                    column: link => link.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_transaction_links_profiles_profile_id",
                    column: link => link.profile_id,
                    principalTable: "profiles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_transaction_links_profile_id", table: "transaction_links", column: "profile_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "transaction_links");
        migrationBuilder.DropIndex(name: "ix_profiles_app_id_app_account_token", table: "profiles");
        migrationBuilder.DropColumn(name: "app_account_token", table: "profiles");
    }
}
