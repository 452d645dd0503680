using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>
/// Answering Apple: apps' credentials and refund settings, what the backend reports, the dispatcher's
/// lease and schedule on each request, every attempt, and the per-app send slots of the rate limit.
/// </summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122060000_AnsweringApple")]
public sealed class AnsweringApple : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Existing rows get the documented defaults; new rows always state their values themselves.
        migrationBuilder.Sql("""
            ALTER TABLE apps
                ADD COLUMN app_store_issuer_id character varying(64),
                ADD COLUMN app_store_key_id character varying(64),
                ADD COLUMN app_store_private_key_protected text,
                ADD COLUMN refund_saver_enabled boolean NOT NULL DEFAULT true,
                ADD COLUMN consumption_api_version character varying(8) NOT NULL DEFAULT 'v2',
                ADD COLUMN refund_policy character varying(32) NOT NULL DEFAULT 'always_decline',
                ADD COLUMN consent_default character varying(16) NOT NULL DEFAULT 'opt_in',
                ADD COLUMN sample_content_provided boolean NOT NULL DEFAULT false,
                ADD COLUMN review_delay_minutes integer,
                ADD COLUMN rules jsonb NOT NULL DEFAULT '[]';
            ALTER TABLE apps
                ALTER COLUMN refund_saver_enabled DROP DEFAULT,
                ALTER COLUMN consumption_api_version DROP DEFAULT,
                ALTER COLUMN refund_policy DROP DEFAULT,
                ALTER COLUMN consent_default DROP DEFAULT,
                ALTER COLUMN sample_content_provided DROP DEFAULT,
                ALTER COLUMN rules DROP DEFAULT;

            ALTER TABLE profiles
                ADD COLUMN play_time_seconds bigint,
                ADD COLUMN account_status character varying(20);

            ALTER TABLE consumption_requests
                ADD COLUMN due_at timestamp with time zone,
                ADD COLUMN lease_owner character varying(100),
                ADD COLUMN lease_expires_at timestamp with time zone,
                ADD COLUMN attempts integer NOT NULL DEFAULT 0,
                ADD COLUMN manual_preference character varying(20),
                ADD COLUMN preference character varying(20),
                ADD COLUMN preference_source character varying(100),
                ADD COLUMN api_version character varying(8),
                ADD COLUMN body json,
                ADD COLUMN state_reason character varying(500),
                ADD COLUMN answered_at timestamp with time zone,
                ADD COLUMN updated_at timestamp with time zone;
            UPDATE consumption_requests SET due_at = created_at, updated_at = created_at;
            ALTER TABLE consumption_requests
                ALTER COLUMN due_at SET NOT NULL,
                ALTER COLUMN updated_at SET NOT NULL,
                ALTER COLUMN attempts DROP DEFAULT;
            CREATE INDEX ix_consumption_requests_pending_due_at ON consumption_requests (due_at)
                WHERE state IN ('Received', 'Held', 'Due', 'Sending');

            CREATE TABLE purchase_reports (
                app_id uuid NOT NULL,
                transaction_id character varying(64) NOT NULL,
                consumption_percentage integer,
                delivery_status character varying(32),
                updated_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_purchase_reports PRIMARY KEY (app_id, transaction_id),
                CONSTRAINT fk_purchase_reports_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE,
                CONSTRAINT ck_purchase_reports_consumption_percentage CHECK (consumption_percentage BETWEEN 0 AND 100000));

            CREATE TABLE consumption_attempts (
                id uuid NOT NULL,
                request_id uuid NOT NULL,
                number integer NOT NULL,
                started_at timestamp with time zone NOT NULL,
                elapsed_ms integer NOT NULL,
                api_version character varying(8) NOT NULL,
                result character varying(20) NOT NULL,
                status_code integer,
                error_code bigint,
                error_message character varying(500),
                body json NOT NULL,
                CONSTRAINT pk_consumption_attempts PRIMARY KEY (id),
                CONSTRAINT fk_consumption_attempts_consumption_requests_request_id FOREIGN KEY (request_id)
                    REFERENCES consumption_requests (id) ON DELETE CASCADE);
            CREATE UNIQUE INDEX ix_consumption_attempts_request_id_number ON consumption_attempts (request_id, number);

            CREATE TABLE send_slots (
                app_id uuid NOT NULL,
                environment character varying(16) NOT NULL,
                next_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_send_slots PRIMARY KEY (app_id, environment),
                CONSTRAINT fk_send_slots_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE send_slots;
            DROP TABLE consumption_attempts;
            DROP TABLE purchase_reports;
            DROP INDEX ix_consumption_requests_pending_due_at;
            ALTER TABLE consumption_requests
                DROP COLUMN due_at, DROP COLUMN lease_owner, DROP COLUMN lease_expires_at, DROP COLUMN attempts,
                DROP COLUMN manual_preference, DROP COLUMN preference, DROP COLUMN preference_source,
                DROP COLUMN api_version, DROP COLUMN body, DROP COLUMN state_reason, DROP COLUMN answered_at,
                DROP COLUMN updated_at;
            ALTER TABLE profiles DROP COLUMN play_time_seconds, DROP COLUMN account_status;
            ALTER TABLE apps
                DROP COLUMN app_store_issuer_id, DROP COLUMN app_store_key_id, DROP COLUMN app_store_private_key_protected,
                DROP COLUMN refund_saver_enabled, DROP COLUMN consumption_api_version, DROP COLUMN refund_policy,
                DROP COLUMN consent_default, DROP COLUMN sample_content_provided, DROP COLUMN review_delay_minutes,
                DROP COLUMN rules;
            """);
    }
}
