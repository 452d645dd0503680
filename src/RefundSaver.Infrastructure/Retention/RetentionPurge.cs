using Microsoft.Extensions.Options;
using Npgsql;

namespace RefundSaver.Infrastructure.Retention;

/// <summary>
/// Removes customer data older than <see cref="RetentionOptions.Days"/>: a notification's decoded
/// payload (the row stays, for duplicates and its request), and the JSON bodies sent to Apple, on the
/// request and on each attempt. A request the dispatcher may still work on keeps all of it; "older
/// than" is strict, so a row exactly at the limit is kept. Each statement changes one batch.
/// </summary>
internal sealed class RetentionPurge(NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TimeProvider clock)
{
    private const string Open = "('Received', 'Held', 'Due', 'Sending')";

    private const string Notifications = $"""
        UPDATE notifications SET payload = '{"{}"}'::jsonb
        WHERE id IN (
            SELECT n.id FROM notifications n
            WHERE n.received_at < $1 AND n.payload <> '{"{}"}'::jsonb
              AND NOT EXISTS (SELECT 1 FROM consumption_requests c WHERE c.notification_id = n.id AND c.state IN {Open})
            LIMIT $2)
        """;

    private const string Attempts = $"""
        UPDATE consumption_attempts SET body = '{"{}"}'::json
        WHERE id IN (
            SELECT a.id FROM consumption_attempts a JOIN consumption_requests c ON c.id = a.request_id
            WHERE a.started_at < $1 AND a.body::text <> '{"{}"}' AND c.state NOT IN {Open}
            LIMIT $2)
        """;

    private const string Requests = $"""
        UPDATE consumption_requests SET body = NULL
        WHERE id IN (
            SELECT c.id FROM consumption_requests c
            WHERE c.created_at < $1 AND c.body IS NOT NULL AND c.state NOT IN {Open}
            LIMIT $2)
        """;

    /// <summary>Purges everything past the limit, batch after batch; returns the rows changed.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Days == 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().AddDays(-settings.Days);
        var total = 0;
        foreach (var statement in new[] { Notifications, Attempts, Requests })
        {
            int changed;
            do
            {
                await using var command = dataSource.CreateCommand(statement);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.BatchSize });
                changed = await command.ExecuteNonQueryAsync(cancellationToken);
                total += changed;
            }
            while (changed == settings.BatchSize);
        }

        return total;
    }
}
