using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Persistence;

/// <summary>
/// The migrations are written by hand, so these prove that what they build is exactly what the EF
/// model describes, and that processes starting together apply them once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class MigrationTests(RealServersFixture servers)
{
    private const string ColumnsSql = """
        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '-')
               || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        ORDER BY table_name, column_name
        """;

    private const string ConstraintsSql = """
        SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        ORDER BY 1
        """;

    private const string IndexesSql = """
        SELECT indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
        ORDER BY indexname
        """;

    [Fact]
    public async Task Migrations_WhenApplied_ShouldBuildExactlyTheSchemaOfTheModel()
    {
        var migrated = await servers.CreateDatabaseAsync();
        var fromModel = await servers.CreateDatabaseAsync();
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(fromModel))
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        }

        foreach (var sql in new[] { ColumnsSql, ConstraintsSql, IndexesSql })
        {
            var expected = await ReadLinesAsync(fromModel, sql);
            expected.ShouldNotBeEmpty();
            (await ReadLinesAsync(migrated, sql)).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task Migrations_WhenApplied_ShouldGatherNoStatisticsOnNotificationPayloads()
    {
        var migrated = await servers.CreateDatabaseAsync();
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        // Only the payload is left out of ANALYZE: every other column keeps the default target (-1).
        (await ReadLinesAsync(migrated, """
            SELECT attname || ' ' || attstattarget FROM pg_attribute
            WHERE attrelid = 'notifications'::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget <> -1
            """)).ShouldBe(["payload 0"]);
    }

    [Fact]
    public async Task Migrations_WhenAProfileAlreadyTookAnotherProfilesIdAsItsToken_ShouldStopAndNameBoth()
    {
        var database = await servers.CreateDatabaseAsync();
        await using var db = Context(database);
        await db.GetService<IMigrator>().MigrateAsync("20261207000000_NotificationPayloadStatistics");
        var (app, holder, taker) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync(database, $"""
            SET session_replication_role = replica; -- no app row needed: foreign keys are not checked
            INSERT INTO profiles (id, app_id, created_at, updated_at) VALUES ('{holder}', '{app}', now(), now());
            INSERT INTO profiles (id, app_id, app_account_token, created_at, updated_at) VALUES ('{taker}', '{app}', '{holder}', now(), now());
            """);

        var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.MigrateAsync());

        refused.MessageText.ShouldContain($"Profile {taker} of app {app} has profile {holder}'s id as its app_account_token");
        (await ReadLinesAsync(database, "SELECT count(*)::text FROM information_schema.columns WHERE column_name = 'effective_app_account_token'"))
            .ShouldBe(["0"]);
    }

    [Fact]
    public async Task Startup_WhenTwoApiProcessesStartAtOnceWithoutADatabase_ShouldCreateAndMigrateItOnceAndBothRun()
    {
        var database = servers.UnusedDatabaseConnectionString();
        await using var first = new ApiFactory(database, servers.RedisConnectionString, "t", null);
        await using var second = new ApiFactory(database, servers.RedisConnectionString, "t", null);

        await Task.WhenAll(Task.Run(first.StartAsync), Task.Run(second.StartAsync));

        await using var db = Context(database);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        applied.ShouldBe(db.Database.GetMigrations().ToList());
        using var client = second.CreateClient();
        (await client.GetAsync("/health")).IsSuccessStatusCode.ShouldBeTrue();
    }

    private static RefundSaverDbContext Context(string connectionString) => new(
        new DbContextOptionsBuilder<RefundSaverDbContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadLinesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        List<string> lines = [];
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
