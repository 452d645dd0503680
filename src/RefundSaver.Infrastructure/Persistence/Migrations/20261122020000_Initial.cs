using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>Apps, their API keys, and profiles with their refund saver settings.</summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122020000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "apps",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                bundle_id = table.Column<string>(type: "character varying(155)", maxLength: 155, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_apps", app => app.id));
        migrationBuilder.CreateIndex(name: "ix_apps_bundle_id", table: "apps", column: "bundle_id", unique: true);

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                key_id = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_api_keys", key => key.id);
                table.ForeignKey(
                    name: "fk_api_keys_apps_app_id",
                    column: key => key.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_api_keys_key_id", table: "api_keys", column: "key_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_api_keys_app_id", table: "api_keys", column: "app_id");

        migrationBuilder.CreateTable(
            name: "profiles",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                customer_user_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                phone_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                consent = table.Column<bool>(type: "boolean", nullable: true),
                custom_preference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_profiles", profile => profile.id);
                table.ForeignKey(
                    name: "fk_profiles_apps_app_id",
                    column: profile => profile.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.CheckConstraint(
                    "ck_profiles_custom_preference",
                    "custom_preference IN ('grant', 'decline', 'no_preference')");
            });
        migrationBuilder.CreateIndex(
            name: "ix_profiles_app_id_customer_user_id",
            table: "profiles",
            columns: ["app_id", "customer_user_id"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "profiles");
        migrationBuilder.DropTable(name: "api_keys");
        migrationBuilder.DropTable(name: "apps");
    }
}
