-- The hand-written migration chain (20261122020000_Initial to 20261207010000_ProfileEffectiveAppAccountToken) as of commit d95a257, scripted by 'dotnet ef migrations script --idempotent --no-transactions'.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);


DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE TABLE apps (
        id uuid NOT NULL,
        name character varying(200) NOT NULL,
        bundle_id character varying(155) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_apps PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE UNIQUE INDEX ix_apps_bundle_id ON apps (bundle_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE TABLE api_keys (
        id uuid NOT NULL,
        app_id uuid NOT NULL,
        key_id character varying(8) NOT NULL,
        secret_hash bytea NOT NULL,
        name character varying(100) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        CONSTRAINT pk_api_keys PRIMARY KEY (id),
        CONSTRAINT fk_api_keys_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE UNIQUE INDEX ix_api_keys_key_id ON api_keys (key_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE INDEX ix_api_keys_app_id ON api_keys (app_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE TABLE profiles (
        id uuid NOT NULL,
        app_id uuid NOT NULL,
        customer_user_id character varying(255),
        email character varying(254),
        phone_number character varying(32),
        first_name character varying(100),
        last_name character varying(100),
        consent boolean,
        custom_preference character varying(20),
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_profiles PRIMARY KEY (id),
        CONSTRAINT ck_profiles_custom_preference CHECK (custom_preference IN ('grant', 'decline', 'no_preference')),
        CONSTRAINT fk_profiles_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    CREATE UNIQUE INDEX ix_profiles_app_id_customer_user_id ON profiles (app_id, customer_user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122020000_Initial') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122020000_Initial', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    ALTER TABLE apps ADD apple_app_id bigint;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    ALTER TABLE apps ADD accepts_sandbox boolean NOT NULL DEFAULT TRUE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    ALTER TABLE apps ADD accepts_production boolean NOT NULL DEFAULT TRUE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    ALTER TABLE apps ADD extra_trusted_roots text[] NOT NULL DEFAULT ('{}');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    ALTER TABLE apps ALTER COLUMN accepts_sandbox DROP DEFAULT, ALTER COLUMN accepts_production DROP DEFAULT, ALTER COLUMN extra_trusted_roots DROP DEFAULT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE TABLE notifications (
        id uuid NOT NULL,
        app_id uuid NOT NULL,
        notification_uuid uuid NOT NULL,
        notification_type character varying(64) NOT NULL,
        subtype character varying(64),
        environment character varying(16) NOT NULL,
        signed_date timestamp with time zone NOT NULL,
        received_at timestamp with time zone NOT NULL,
        transaction_id character varying(64),
        original_transaction_id character varying(64),
        effect text NOT NULL,
        payload jsonb NOT NULL,
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT fk_notifications_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE UNIQUE INDEX ix_notifications_notification_uuid ON notifications (notification_uuid);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_notifications_app_id_received_at ON notifications (app_id, received_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_notifications_app_id_transaction_id ON notifications (app_id, transaction_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE TABLE app_store_transactions (
        app_id uuid NOT NULL,
        transaction_id character varying(64) NOT NULL,
        original_transaction_id character varying(64) NOT NULL,
        profile_id uuid,
        product_id character varying(200),
        type character varying(40),
        price bigint,
        currency character varying(8),
        purchase_date timestamp with time zone,
        expires_date timestamp with time zone,
        revocation_date timestamp with time zone,
        revocation_reason integer,
        revocation_type character varying(64),
        app_account_token uuid,
        storefront character varying(8),
        offer_type integer,
        offer_discount_type character varying(32),
        environment character varying(16) NOT NULL,
        signed_date timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_app_store_transactions PRIMARY KEY (app_id, transaction_id),
        CONSTRAINT fk_app_store_transactions_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE,
        CONSTRAINT fk_app_store_transactions_profiles_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_app_store_transactions_app_id_original_transaction_id ON app_store_transactions (app_id, original_transaction_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_app_store_transactions_profile_id ON app_store_transactions (profile_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE TABLE consumption_requests (
        id uuid NOT NULL,
        app_id uuid NOT NULL,
        notification_id uuid NOT NULL,
        transaction_id character varying(64) NOT NULL,
        original_transaction_id character varying(64),
        profile_id uuid,
        environment character varying(16) NOT NULL,
        reason character varying(64),
        state character varying(16) NOT NULL,
        requested_at timestamp with time zone NOT NULL,
        deadline timestamp with time zone NOT NULL,
        outcome character varying(16),
        outcome_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_consumption_requests PRIMARY KEY (id),
        CONSTRAINT fk_consumption_requests_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE,
        CONSTRAINT fk_consumption_requests_notifications_notification_id FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
        CONSTRAINT fk_consumption_requests_profiles_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE UNIQUE INDEX ix_consumption_requests_notification_id ON consumption_requests (notification_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_consumption_requests_app_id_created_at ON consumption_requests (app_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_consumption_requests_app_id_transaction_id ON consumption_requests (app_id, transaction_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    CREATE INDEX ix_consumption_requests_profile_id ON consumption_requests (profile_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122040000_AppStoreNotifications') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122040000_AppStoreNotifications', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122050000_TransactionLinks') THEN
    ALTER TABLE profiles ADD app_account_token uuid;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122050000_TransactionLinks') THEN
    CREATE UNIQUE INDEX ix_profiles_app_id_app_account_token ON profiles (app_id, app_account_token);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122050000_TransactionLinks') THEN
    CREATE TABLE transaction_links (
        app_id uuid NOT NULL,
        original_transaction_id character varying(64) NOT NULL,
        profile_id uuid NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_transaction_links PRIMARY KEY (app_id, original_transaction_id),
        CONSTRAINT fk_transaction_links_apps_app_id FOREIGN KEY (app_id) REFERENCES apps (id) ON DELETE CASCADE,
        CONSTRAINT fk_transaction_links_profiles_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122050000_TransactionLinks') THEN
    CREATE INDEX ix_transaction_links_profile_id ON transaction_links (profile_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122050000_TransactionLinks') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122050000_TransactionLinks', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122060000_AnsweringApple') THEN
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
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122060000_AnsweringApple') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122060000_AnsweringApple', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122090000_DispatcherIndexes') THEN
    CREATE INDEX ix_consumption_requests_pending_lane ON consumption_requests (app_id, environment, due_at, deadline)
        WHERE state IN ('Received', 'Held', 'Due', 'Sending');
    CREATE INDEX ix_consumption_requests_app_id_original_transaction_id ON consumption_requests (app_id, original_transaction_id);
    ALTER TABLE consumption_requests SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122090000_DispatcherIndexes') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122090000_DispatcherIndexes', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122100000_DispatcherHeartbeats') THEN
    CREATE TABLE dispatchers (
        owner character varying(100) NOT NULL,
        seen_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_dispatchers PRIMARY KEY (owner));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261122100000_DispatcherHeartbeats') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261122100000_DispatcherHeartbeats', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207000000_NotificationPayloadStatistics') THEN
    ALTER TABLE notifications ALTER COLUMN payload SET STATISTICS 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207000000_NotificationPayloadStatistics') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261207000000_NotificationPayloadStatistics', '10.0.15');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207010000_ProfileEffectiveAppAccountToken') THEN
    DO $$
    DECLARE clash record;
    BEGIN
        SELECT holder.app_id, holder.id AS holder_id, taker.id AS taker_id INTO clash
        FROM profiles holder
        JOIN profiles taker ON taker.app_id = holder.app_id AND taker.app_account_token = holder.id AND taker.id <> holder.id
        WHERE holder.app_account_token IS NULL
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'Profile % of app % has profile %''s id as its app_account_token, so two profiles answer to one token. Give one of them another app_account_token (PATCH the profile), then start again.',
                clash.taker_id, clash.app_id, clash.holder_id;
        END IF;
    END $$;
    ALTER TABLE profiles ADD COLUMN effective_app_account_token uuid NOT NULL
        GENERATED ALWAYS AS (coalesce(app_account_token, id)) STORED;
    CREATE UNIQUE INDEX ix_profiles_app_id_effective_app_account_token ON profiles (app_id, effective_app_account_token);
    DROP INDEX ix_profiles_app_id_app_account_token;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207010000_ProfileEffectiveAppAccountToken') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261207010000_ProfileEffectiveAppAccountToken', '10.0.15');
    END IF;
END $EF$;
