using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RefundSaver.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "apps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bundle_id = table.Column<string>(type: "character varying(155)", maxLength: 155, nullable: false),
                    apple_app_id = table.Column<long>(type: "bigint", nullable: true),
                    accepts_sandbox = table.Column<bool>(type: "boolean", nullable: false),
                    accepts_production = table.Column<bool>(type: "boolean", nullable: false),
                    extra_trusted_roots = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    app_store_issuer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    app_store_key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    app_store_private_key_protected = table.Column<string>(type: "text", nullable: true),
                    refund_saver_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    consumption_api_version = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    refund_policy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    consent_default = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sample_content_provided = table.Column<bool>(type: "boolean", nullable: false),
                    review_delay_minutes = table.Column<int>(type: "integer", nullable: true),
                    rules = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_apps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dispatchers",
                columns: table => new
                {
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispatchers", x => x.owner);
                });

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
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    signed_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    effect = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    app_account_token = table.Column<Guid>(type: "uuid", nullable: true),
                    consent = table.Column<bool>(type: "boolean", nullable: true),
                    custom_preference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    play_time_seconds = table.Column<long>(type: "bigint", nullable: true),
                    account_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    effective_app_account_token = table.Column<Guid>(type: "uuid", nullable: false, computedColumnSql: "coalesce(app_account_token, id)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.id);
                    table.CheckConstraint("ck_profiles_custom_preference", "custom_preference IN ('grant', 'decline', 'no_preference')");
                    table.ForeignKey(
                        name: "fk_profiles_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "purchase_reports",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    consumption_percentage = table.Column<int>(type: "integer", nullable: true),
                    delivery_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_reports", x => new { x.app_id, x.transaction_id });
                    table.CheckConstraint("ck_purchase_reports_consumption_percentage", "consumption_percentage BETWEEN 0 AND 100000");
                    table.ForeignKey(
                        name: "fk_purchase_reports_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "send_slots",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    environment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    next_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_send_slots", x => new { x.app_id, x.environment });
                    table.ForeignKey(
                        name: "fk_send_slots_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    purchase_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<int>(type: "integer", nullable: true),
                    revocation_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    app_account_token = table.Column<Guid>(type: "uuid", nullable: true),
                    storefront = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    offer_type = table.Column<int>(type: "integer", nullable: true),
                    offer_discount_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    environment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    signed_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_store_transactions", x => new { x.app_id, x.transaction_id });
                    table.ForeignKey(
                        name: "fk_app_store_transactions_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_app_store_transactions_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

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
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    manual_preference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    preference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    preference_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    api_version = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    body = table.Column<string>(type: "json", nullable: true),
                    state_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consumption_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_consumption_requests_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consumption_requests_notifications_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consumption_requests_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                })
                .Annotation("Npgsql:StorageParameter:autovacuum_analyze_scale_factor", 0.02)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.02)
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateTable(
                name: "transaction_links",
                columns: table => new
                {
                    app_id = table.Column<Guid>(type: "uuid", nullable: false),
                    original_transaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transaction_links", x => new { x.app_id, x.original_transaction_id });
                    table.ForeignKey(
                        name: "fk_transaction_links_apps_app_id",
                        column: x => x.app_id,
                        principalTable: "apps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_transaction_links_profiles_profile_id",
                        column: x => x.profile_id,
                        principalTable: "profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consumption_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    elapsed_ms = table.Column<int>(type: "integer", nullable: false),
                    api_version = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error_code = table.Column<long>(type: "bigint", nullable: true),
                    error_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    body = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consumption_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_consumption_attempts_consumption_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "consumption_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_app_id",
                table: "api_keys",
                column: "app_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_key_id",
                table: "api_keys",
                column: "key_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_app_store_transactions_app_id_original_transaction_id",
                table: "app_store_transactions",
                columns: new[] { "app_id", "original_transaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_app_store_transactions_profile_id",
                table: "app_store_transactions",
                column: "profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_apps_bundle_id",
                table: "apps",
                column: "bundle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consumption_attempts_request_id_number",
                table: "consumption_attempts",
                columns: new[] { "request_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_app_id_created_at",
                table: "consumption_requests",
                columns: new[] { "app_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_app_id_original_transaction_id",
                table: "consumption_requests",
                columns: new[] { "app_id", "original_transaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_app_id_transaction_id",
                table: "consumption_requests",
                columns: new[] { "app_id", "transaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_notification_id",
                table: "consumption_requests",
                column: "notification_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_pending_due_at",
                table: "consumption_requests",
                column: "due_at",
                filter: "state IN ('Received', 'Held', 'Due', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_pending_lane",
                table: "consumption_requests",
                columns: new[] { "app_id", "environment", "due_at", "deadline" },
                filter: "state IN ('Received', 'Held', 'Due', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "ix_consumption_requests_profile_id",
                table: "consumption_requests",
                column: "profile_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_app_id_received_at",
                table: "notifications",
                columns: new[] { "app_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_app_id_transaction_id",
                table: "notifications",
                columns: new[] { "app_id", "transaction_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_notification_uuid",
                table: "notifications",
                column: "notification_uuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profiles_app_id_customer_user_id",
                table: "profiles",
                columns: new[] { "app_id", "customer_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profiles_app_id_effective_app_account_token",
                table: "profiles",
                columns: new[] { "app_id", "effective_app_account_token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transaction_links_profile_id",
                table: "transaction_links",
                column: "profile_id");

            // The model cannot say this. No query filters or joins on a notification's payload, so its
            // statistics serve no plan, yet gathering them (reading and sorting thousands of JSON documents)
            // made each automatic analyze of a busy webhook's table cost a core for half a second.
            migrationBuilder.Sql("ALTER TABLE notifications ALTER COLUMN payload SET STATISTICS 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "app_store_transactions");

            migrationBuilder.DropTable(
                name: "consumption_attempts");

            migrationBuilder.DropTable(
                name: "dispatchers");

            migrationBuilder.DropTable(
                name: "purchase_reports");

            migrationBuilder.DropTable(
                name: "send_slots");

            migrationBuilder.DropTable(
                name: "transaction_links");

            migrationBuilder.DropTable(
                name: "consumption_requests");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "profiles");

            migrationBuilder.DropTable(
                name: "apps");
        }
    }
}
