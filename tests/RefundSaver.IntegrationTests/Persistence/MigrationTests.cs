using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RefundSaver.Infrastructure.Persistence;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Persistence;

/// <summary>
/// The migrations build exactly what the EF model describes; a database that the hand-written
/// migrations built before the generated baseline, whole or part-way, ends with exactly the schema
/// of a new one; and processes starting together apply the migrations once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class MigrationTests(RealServersFixture servers)
{
    private const string ColumnsSql = """
        SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || coalesce(character_maximum_length::text, '-')
               || ' ' || is_nullable || ' default ' || coalesce(column_default, '-')
               || ' generated ' || coalesce(generation_expression, '-')
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

    private const string StorageParametersSql = """
        SELECT relname || ' ' || coalesce(array_to_string(ARRAY(SELECT unnest(reloptions) ORDER BY 1), ', '), '-')
        FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i') AND relname NOT LIKE '%EFMigrationsHistory'
        ORDER BY relname
        """;

    private const string StatisticsTargetsSql = """
        SELECT attrelid::regclass::text || '.' || attname || ' ' || coalesce(attstattarget, -1)::text
        FROM pg_attribute
        WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
                           AND relname <> '__EFMigrationsHistory')
              AND attnum > 0 AND NOT attisdropped
        ORDER BY 1
        """;

    private const string HistoryTableSql = """
        SELECT column_name || ' ' || udt_name || ' ' || coalesce(character_maximum_length::text, '-') || ' ' || is_nullable
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = '__EFMigrationsHistory'
        UNION ALL
        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"__EFMigrationsHistory"'::regclass
        ORDER BY 1
        """;

    private const string HistorySql = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""";

    private static readonly string[] SchemaSql =
        [ColumnsSql, ConstraintsSql, IndexesSql, StorageParametersSql, StatisticsTargetsSql, HistoryTableSql];

    [Fact]
    public void Model_WhenComparedWithTheMigrations_ShouldHaveNoChangesTheyLack()
    {
        using var db = Context("Host=unused");

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

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

        // The statistics targets are the one thing the migrations add to the model (tested below).
        foreach (var sql in new[] { ColumnsSql, ConstraintsSql, IndexesSql, StorageParametersSql })
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
        (await ReadLinesAsync(migrated, StatisticsTargetsSql)).Where(line => !line.EndsWith(" -1", StringComparison.Ordinal))
            .ShouldBe(["notifications.payload 0"]);
    }

    [Fact]
    public async Task Startup_WhenTheHandWrittenMigrationsBuiltTheDatabase_ShouldAdoptTheBaselineWithTheSchemaOfANewDatabase()
    {
        var old = await servers.CreateDatabaseAsync();
        await ExecuteAsync(old, HandWrittenChain.ReadScript());
        var fresh = await servers.CreateDatabaseAsync();
        await StartMigratorAsync(fresh);

        await using (var api = new ApiFactory(old, servers.RedisConnectionString, "t", null))
        {
            await api.StartAsync();
        }

        await StartMigratorAsync(old); // once adopted, a later start has nothing to do
        await ShouldHaveTheSameSchemaAsync(old, fresh);
        (await ReadLinesAsync(old, HistorySql)).ShouldBe([.. HandWrittenChain.MigrationIds, DatabaseMigrator.BaselineId]);
        await using var db = Context(old);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Startup_WhenTheHandWrittenMigrationsStoppedPartWay_ShouldApplyTheRestThenAdoptTheBaseline()
    {
        var old = await servers.CreateDatabaseAsync();
        await BuildHandWrittenChainAsync(old, upTo: "20261122060000_AnsweringApple");
        var fresh = await servers.CreateDatabaseAsync();
        await StartMigratorAsync(fresh);

        await StartMigratorAsync(old);

        await ShouldHaveTheSameSchemaAsync(old, fresh);
        (await ReadLinesAsync(old, HistorySql)).ShouldBe([.. HandWrittenChain.MigrationIds, DatabaseMigrator.BaselineId]);
    }

    [Fact]
    public async Task Startup_WhenTheRestOfTheHandWrittenMigrationsRefuses_ShouldStopNamingWhyAndLeaveTheDatabaseUnchanged()
    {
        var old = await servers.CreateDatabaseAsync();
        await BuildHandWrittenChainAsync(old, upTo: "20261122050000_TransactionLinks");
        var (app, holder, taker) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync(old, $"""
            SET session_replication_role = replica; -- no app row needed: foreign keys are not checked
            INSERT INTO profiles (id, app_id, created_at, updated_at) VALUES ('{holder}', '{app}', now(), now());
            INSERT INTO profiles (id, app_id, app_account_token, created_at, updated_at) VALUES ('{taker}', '{app}', '{holder}', now(), now());
            """);
        var before = await ReadSchemaAsync(old);

        // The last hand-written migration refuses a database in which two profiles answer to one token.
        var refused = await Should.ThrowAsync<PostgresException>(() => StartMigratorAsync(old));

        refused.MessageText.ShouldContain($"Profile {taker} of app {app} has profile {holder}'s id as its app_account_token");
        (await ReadSchemaAsync(old)).ShouldBe(before);
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

    private static RefundSaverDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<RefundSaverDbContext>().UseNpgsql(connectionString).Options);

    private static async Task StartMigratorAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var services = new ServiceCollection()
            .AddDbContext<RefundSaverDbContext>(options => options.UseNpgsql(dataSource))
            .BuildServiceProvider();
        await new DatabaseMigrator(services, dataSource, new DatabaseConnections(connectionString, null), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// What the hand-written migrations left when a database stopped after <paramref name="upTo"/>:
    /// their script skips a migration whose id the history holds, so the later ones are entered
    /// there for the run, and taken out again.
    /// </summary>
    private static async Task BuildHandWrittenChainAsync(string connectionString, string upTo)
    {
        await using var db = Context(connectionString);
        var later = HandWrittenChain.MigrationIds.SkipWhile(id => id != upTo).Skip(1).ToList();
        later.ShouldNotBeEmpty();
        var history = db.GetService<IHistoryRepository>();
        var skipped = string.Join(", ", later.Select(id => $"'{id}'"));
        await ExecuteAsync(connectionString, $"""
            {history.GetCreateIfNotExistsScript()}
            {string.Concat(later.Select(id => history.GetInsertScript(new HistoryRow(id, "skipped"))))}
            {HandWrittenChain.ReadScript()}
            DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" IN ({skipped});
            """);
    }

    private static async Task ShouldHaveTheSameSchemaAsync(string actual, string expected)
    {
        foreach (var sql in SchemaSql)
        {
            var expectedLines = await ReadLinesAsync(expected, sql);
            expectedLines.ShouldNotBeEmpty();
            (await ReadLinesAsync(actual, sql)).ShouldBe(expectedLines);
        }
    }

    private static async Task<List<string>> ReadSchemaAsync(string connectionString)
    {
        List<string> lines = [];
        foreach (var sql in SchemaSql.Append(HistorySql))
        {
            lines.AddRange(await ReadLinesAsync(connectionString, sql));
        }

        return lines;
    }

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
