using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>
/// A profile answers to its app account token, or to its id when it has none. The unique index on
/// the token alone missed a profile whose id another profile took as its token (two concurrent
/// writes, each checked before the other committed), after which a purchase's profile was
/// ambiguous. One computed column holds the token a profile answers to, unique per app, and makes
/// the webhook's lookup one index probe. Adding it rewrites the profiles table once.
/// </summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261207010000_ProfileEffectiveAppAccountToken")]
public sealed class ProfileEffectiveAppAccountToken : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
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
