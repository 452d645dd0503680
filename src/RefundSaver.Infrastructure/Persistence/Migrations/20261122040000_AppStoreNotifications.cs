using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>Apps' App Store identity; notifications, the transaction ledger and consumption requests.</summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122040000_AppStoreNotifications")]
public sealed class AppStoreNotifications : Migration
{
    private const string Timestamp = "timestamp with time zone";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "apple_app_id", table: "apps", type: "bigint", nullable: true);
        // Existing apps accept both environments and no extra roots; new rows always say so themselves.
        migrationBuilder.AddColumn<bool>(name: "accepts_sandbox", table: "apps", type: "boolean", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<bool>(name: "accepts_production", table: "apps", type: "boolean", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<List<string>>(name: "extra_trusted_roots", table: "apps", type: "text[]", nullable: false, defaultValueSql: "'{}'");
        migrationBuilder.Sql("ALTER TABLE apps ALTER COLUMN accepts_sandbox DROP DEFAULT, ALTER COLUMN accepts_production DROP DEFAULT, ALTER COLUMN extra_trusted_roots DROP DEFAULT;");

        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                notification_uuid = table.Column<Guid>(type: "uuid", nullable: false),
                notification_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                subtype = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                environment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                signed_date = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                received_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                effect = table.Column<string>(type: "text", nullable: false),
                payload = table.Column<string>(type: "jsonb", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_notifications", notification => notification.id);
                table.ForeignKey(
                    name: "fk_notifications_apps_app_id",
                    column: notification => notification.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_notifications_notification_uuid", table: "notifications", column: "notification_uuid", unique: true);
        migrationBuilder.CreateIndex(name: "ix_notifications_app_id_received_at", table: "notifications", columns: ["app_id", "received_at"]);
        migrationBuilder.CreateIndex(name: "ix_notifications_app_id_transaction_id", table: "notifications", columns: ["app_id", "transaction_id"]);

        migrationBuilder.CreateTable(
            name: "app_store_transactions",
            columns: table => new
            {
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                product_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                price = table.Column<long>(type: "bigint", nullable: true),
                currency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                purchase_date = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
                expires_date = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
                revocation_date = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
                revocation_reason = table.Column<int>(type: "integer", nullable: true),
                revocation_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                app_account_token = table.Column<Guid>(type: "uuid", nullable: true),
                storefront = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                offer_type = table.Column<int>(type: "integer", nullable: true),
                offer_discount_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                environment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                signed_date = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_app_store_transactions", transaction => new { transaction.app_id, transaction.transaction_id });
                table.ForeignKey(
                    name: "fk_app_store_transactions_apps_app_id",
                    column: transaction => transaction.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_app_store_transactions_profiles_profile_id",
                    column: transaction => transaction.profile_id,
                    principalTable: "profiles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(
            name: "ix_app_store_transactions_app_id_original_transaction_id",
            table: "app_store_transactions",
            columns: ["app_id", "original_transaction_id"]);
        migrationBuilder.CreateIndex(name: "ix_app_store_transactions_profile_id", table: "app_store_transactions", column: "profile_id");

        migrationBuilder.CreateTable(
            name: "consumption_requests",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                app_id = table.Column<Guid>(type: "uuid", nullable: false),
                notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                profile_id = table.Column<Guid>(type: "uuid", nullable: true),
                environment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                requested_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                deadline = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
                outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                outcome_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: true),
                created_at = table.Column<DateTimeOffset>(type: Timestamp, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_consumption_requests", request => request.id);
                table.ForeignKey(
                    name: "fk_consumption_requests_apps_app_id",
                    column: request => request.app_id,
                    principalTable: "apps",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_consumption_requests_notifications_notification_id",
                    column: request => request.notification_id,
                    principalTable: "notifications",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_consumption_requests_profiles_profile_id",
                    column: request => request.profile_id,
                    principalTable: "profiles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "ix_consumption_requests_notification_id", table: "consumption_requests", column: "notification_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_consumption_requests_app_id_created_at", table: "consumption_requests", columns: ["app_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_consumption_requests_app_id_transaction_id", table: "consumption_requests", columns: ["app_id", "transaction_id"]);
        migrationBuilder.CreateIndex(name: "ix_consumption_requests_profile_id", table: "consumption_requests", column: "profile_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "consumption_requests");
        migrationBuilder.DropTable(name: "app_store_transactions");
        migrationBuilder.DropTable(name: "notifications");
        migrationBuilder.DropColumn(name: "apple_app_id", table: "apps");
        migrationBuilder.DropColumn(name: "accepts_sandbox", table: "apps");
        migrationBuilder.DropColumn(name: "accepts_production", table: "apps");
        migrationBuilder.DropColumn(name: "extra_trusted_roots", table: "apps");
    }
}
