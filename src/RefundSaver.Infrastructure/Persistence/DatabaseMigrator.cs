using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Applies the migrations before the server starts listening. A PostgreSQL advisory lock makes
/// processes that start together take turns, so each migration runs once.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    private const long MigrationLockKey = 0x52_53_4D_49_47; // "RSMIG"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RefundSaverDbContext>();
        await EnsureDatabaseExistsAsync(db, cancellationToken);

        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            // Explicitly: a pooled connection keeps its session, and so the lock, after it is closed.
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
