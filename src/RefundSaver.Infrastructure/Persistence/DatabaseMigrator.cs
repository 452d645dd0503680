using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RefundSaver.Infrastructure.Persistence.Migrations;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Applies the migrations before the server starts listening. A PostgreSQL advisory lock makes
/// processes that start together take turns, so each migration runs once. Given the owner's
/// connection (<see cref="DatabaseConnections.Owner"/>), it migrates as the owner and then gives the
/// role the API runs as exactly what it needs (<see cref="ApiRole"/>); else the one connection does both.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceProvider services, NpgsqlDataSource dataSource, DatabaseConnections connections, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    private const long MigrationLockKey = 0x52_53_4D_49_47; // "RSMIG"

    public static string BaselineId { get; } = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connections.Owner is not { } owner)
        {
            await using var scope = services.CreateAsyncScope();
            await MigrateAsync(scope.ServiceProvider.GetRequiredService<RefundSaverDbContext>(), dataSource, null, cancellationToken);
            return;
        }

        // Its own pool, closed when done, so that no connection of the owner's outlives the start.
        await using var ownerSource = NpgsqlDataSource.Create(owner);
        var options = new DbContextOptionsBuilder<RefundSaverDbContext>();
        options.UseNpgsql(ownerSource).UseSnakeCaseNaming();
        await using var db = new RefundSaverDbContext(options.Options);
        var api = new NpgsqlConnectionStringBuilder(connections.Api);
        var separateRole = !string.Equals(api.Username, new NpgsqlConnectionStringBuilder(owner).Username, StringComparison.Ordinal);
        await MigrateAsync(db, ownerSource, separateRole ? GrantAsync : null, cancellationToken);

        async Task GrantAsync(NpgsqlConnection connection)
        {
            await ApiRole.EnsureAsync(connection, api.Username!, api.Password, cancellationToken);
            LogApiRole(logger, api.Username!);
        }
    }

    /// <summary>Migrates, then does <paramref name="afterwards"/> still holding the lock: concurrent grants would collide.</summary>
    private async Task MigrateAsync(
        RefundSaverDbContext db, NpgsqlDataSource source, Func<NpgsqlConnection, Task>? afterwards, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(db, cancellationToken);

        await using var lockConnection = await source.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            // Made first (IF NOT EXISTS): EF reads the history by querying the table itself, and on a
            // new database each read would leave an ERROR "relation does not exist" in the server's log.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await AdoptHandWrittenChainAsync(db, lockConnection, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (afterwards is not null)
            {
                await afterwards(lockConnection);
            }
        }
        finally
        {
            // Explicitly: a pooled connection keeps its session, and so the lock, after it is closed.
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// A database that the hand-written migrations built has the baseline's schema (a test proves it)
    /// but only their ids in its history: it adopts the baseline, whose history row is recorded
    /// instead of the baseline being built again. One they left part-way first gets the rest of them
    /// from their script, which runs exactly the statements the old code would have run for the
    /// migrations its history lacks. All in one transaction: a migration that refuses (the last one
    /// does when two profiles answer to one token) leaves the database as it was.
    /// </summary>
    private async Task AdoptHandWrittenChainAsync(RefundSaverDbContext db, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!applied.Contains(HandWrittenChain.MigrationIds[0]) || applied.Contains(BaselineId))
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var missing = HandWrittenChain.MigrationIds.Where(id => !applied.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            LogCompletingHandWrittenChain(logger, string.Join(", ", missing));
            await ExecuteAsync(connection, HandWrittenChain.ReadScript(), cancellationToken);
        }

        var baseline = new HistoryRow(BaselineId, ProductInfo.GetVersion());
        await ExecuteAsync(connection, db.GetService<IHistoryRepository>().GetInsertScript(baseline), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogAdoptedBaseline(logger, BaselineId);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// An external server may not have the database yet. Processes that race to create it get
    /// "exists" or "template in use" from PostgreSQL: both mean "look again shortly".
    /// </summary>
    private static async Task EnsureDatabaseExistsAsync(RefundSaverDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        for (var attempt = 1; !await creator.ExistsAsync(cancellationToken); attempt++)
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException exception) when (attempt < 10 && exception.SqlState
                is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The API runs as database role {Role}, with rights to read and write the tables only")]
    private static partial void LogApiRole(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database stopped part-way along the hand-written migrations; applying the rest of them first: {Migrations}")]
    private static partial void LogCompletingHandWrittenChain(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The database was built by the hand-written migrations, whose schema is the baseline's: {Baseline} recorded as applied")]
    private static partial void LogAdoptedBaseline(ILogger logger, string baseline);
}
