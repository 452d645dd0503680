using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>
/// A profile answers to its app account token, or to its id when it has none. The unique index on
/// the token alone missed a profile whose id another profile took as its token (two concurrent
/// writes, each checked before the other committed), after which a purchase's profile was
/// ambiguous. One computed column holds the token a profile answers to, unique per app, and makes
/// the webhook's lookup one index probe. Adding it rewrites the profiles table once. A database in
/// which the race already happened is refused with the two profiles named, and left unchanged.
/// </summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261207010000_ProfileEffectiveAppAccountToken")]
public sealed class ProfileEffectiveAppAccountToken : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
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
            """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX ix_profiles_app_id_app_account_token ON profiles (app_id, app_account_token);
            DROP INDEX ix_profiles_app_id_effective_app_account_token;
            ALTER TABLE profiles DROP COLUMN effective_app_account_token;
            """);
}
