using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using System.Text;
using Npgsql;

namespace RefundSaver.Infrastructure.Redis;

/// <summary>
/// The prefix of this database's keys in Redis. Redis only remembers what a database committed, so
/// its marks are believed only by the database that made them: the prefix is a hash of the
/// database's own random id (made with it), its server's system identifier and timeline, and its
/// object id. Another deployment sharing the Redis, a database restored from a dump (a new object
/// id or server) or from a physical backup or a failover (a new timeline) starts a keyspace of its
/// own, and its duplicates go to the database, which decides them. Until it is known, no mark is
/// read or written.
/// </summary>
internal sealed partial class RedisKeyspace(NpgsqlDataSource dataSource, ILogger<RedisKeyspace> logger)
{
    private const string InsufficientPrivilege = "42501";

    public string? Prefix { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var database = await ScalarAsync(connection,
            "SELECT id::text || ':' || (SELECT oid FROM pg_database WHERE datname = current_database())::text FROM database_identity",
            cancellationToken);
        string server;
        try
        {
            server = await ScalarAsync(connection,
                "SELECT (SELECT system_identifier FROM pg_control_system())::text || ':' || (SELECT timeline_id FROM pg_control_checkpoint())::text",
                cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == InsufficientPrivilege)
        {
            // Some managed services keep the server's control data to themselves.
            LogNoControlData(logger);
            server = string.Empty;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(database + "/" + server));
        Prefix = "rs:" + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + ":";
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The database has no identity row: its migrations did not run.");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The server's control data cannot be read: Redis's keyspace follows the database's identity alone, so a physical restore of it must be followed by a Redis FLUSHDB")]
    private static partial void LogNoControlData(ILogger logger);
}
