using Npgsql;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The SQL of claiming due requests and of taking turns to call Apple. PostgreSQL is the only shared
/// state, so these hold across any number of dispatcher processes.
/// </summary>
internal sealed class DispatchQueue(NpgsqlDataSource dataSource) : IDispatcherSignal
{
    private const string Pending = "state IN ('Received', 'Held', 'Due', 'Sending')";

    // The earliest due requests (16 per place to fill, found along the pending due_at index, so
    // that a claim costs the same whatever the backlog: ranking every pending request took about
    // 90 ms with 12,000 due and kept a core of PostgreSQL busy). Of those, at most a second's worth
    // of each app's rate, and none of an app whose turns are taken for more than a second ahead:
    // one busy app cannot fill every place of a claim. Apps take turns: every app's first request
    // (rank 1) comes before any app's second, each rank in due order, and on equal due times the
    // app served longest ago first (its send slot). Ordered by due time alone, a backlog released
    // at once was claimed app after app: a few apps at a time, each held to Apple's rate, the
    // others waiting. SKIP LOCKED lets dispatchers claim side by side.
    private const string Claim = $"""
        WITH due AS (
            SELECT c.id, c.app_id, c.environment, c.due_at, coalesce(s.next_at, '-infinity') AS turn
            FROM consumption_requests c
            LEFT JOIN send_slots s ON s.app_id = c.app_id AND s.environment = c.environment
            WHERE c.{Pending} AND c.due_at <= $1 AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= $1)
              AND (s.next_at IS NULL OR s.next_at <= $1 + interval '1 second')
            ORDER BY c.due_at
            LIMIT $3 * 16
        ), candidates AS (
            SELECT id, environment, due_at, turn,
                   row_number() OVER (PARTITION BY app_id, environment ORDER BY due_at) AS rank
            FROM due
        ), picked AS (
            SELECT r.id FROM consumption_requests r
            JOIN (SELECT id, rank, due_at, turn FROM candidates
                  WHERE rank <= CASE environment WHEN 'Production' THEN $4 ELSE $5 END
                  ORDER BY rank, due_at, turn LIMIT $3 * 4) c ON c.id = r.id
            WHERE r.{Pending} AND (r.lease_expires_at IS NULL OR r.lease_expires_at <= $1)
            ORDER BY c.rank, c.due_at, c.turn
            LIMIT $3
            FOR UPDATE OF r SKIP LOCKED
        )
        UPDATE consumption_requests r SET lease_owner = $2, lease_expires_at = $6, updated_at = $1
        FROM picked WHERE r.id = picked.id
        RETURNING r.id
        """;

    private const string NextDue = $"""
        SELECT min(greatest(due_at, coalesce(lease_expires_at, due_at))) FROM consumption_requests WHERE {Pending}
        """;

    // Takes the app's next turn if it comes within maxWait; the turns are interval apart.
    private const string Reserve = """
        INSERT INTO send_slots AS s (app_id, environment, next_at) VALUES ($1, $2, $3 + $4)
        ON CONFLICT (app_id, environment) DO UPDATE SET next_at = greatest(s.next_at, $3) + $4
        WHERE s.next_at <= $3 + $5
        RETURNING s.next_at - $4
        """;

    private const string SlotAt = "SELECT next_at FROM send_slots WHERE app_id = $1 AND environment = $2";

    public async Task<IReadOnlyList<Guid>> ClaimAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int limit, int productionCap, int sandboxCap, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Claim);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = productionCap });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sandboxCap });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + lease });
        List<Guid> claimed = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetGuid(0));
        }

        return claimed;
    }

    /// <summary>When the earliest pending request becomes due (or its lease ends); null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NextDue);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>The moment this call may go to Apple, or null (with when to look again) when the turns are taken further ahead than <paramref name="maxWait"/>.</summary>
    public async Task<(DateTimeOffset? Slot, DateTimeOffset NextFree)> ReserveAsync(
        Guid appId, AppStoreEnvironment environment, DateTimeOffset now, TimeSpan interval, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await using var reserve = dataSource.CreateCommand(Reserve);
        reserve.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        reserve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = environment.ToString() });
        reserve.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        reserve.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = interval });
        reserve.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = maxWait });
        if (await reserve.ExecuteScalarAsync(cancellationToken) is DateTime slot)
        {
            return (new DateTimeOffset(slot, TimeSpan.Zero), now);
        }

        await using var next = dataSource.CreateCommand(SlotAt);
        next.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        next.Parameters.Add(new NpgsqlParameter<string> { TypedValue = environment.ToString() });
        var nextFree = await next.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : now;
        return (null, nextFree);
    }

    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DispatcherSignal.Notify);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
