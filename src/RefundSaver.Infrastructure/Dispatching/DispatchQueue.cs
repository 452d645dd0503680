using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The SQL of claiming due requests and of taking turns to call Apple. PostgreSQL is the only shared
/// state, so these hold across any number of dispatcher processes.
/// </summary>
internal sealed class DispatchQueue([FromKeyedServices(DispatchQueue.DataSourceKey)] NpgsqlDataSource dataSource) : IDispatcherSignal
{
    public const string DataSourceKey = "dispatch-queue";

    /// <summary>
    /// The queue's own connections, whose commits do not wait for the disk. Everything it writes is
    /// coordination that a database crash may take back without harm: a lost lease makes the request
    /// claimable again, and its old holder cannot send it (marking it as being sent checks the lease,
    /// durably, before Apple is called); a lost turn lets a few calls come closer than the app's pace
    /// in the second after the restart, which Apple answers with a 429 that is retried; a lost
    /// heartbeat is renewed within two seconds. Turns were the dispatcher's hottest statement: each
    /// waited for the row lock of its app's turn while the holder's commit was flushed.
    /// </summary>
    public static string ConnectionString(string connectionString) => ServerSettings.With(connectionString, "synchronous_commit=off");

    private const string Pending = "state IN ('Received', 'Held', 'Due', 'Sending')";

    /// <summary>
    /// A dispatcher not heard from for this long has left, and its share of Apple's limit with it. Long
    /// beside the heartbeat: a process that stalls (a long pause of its runtime, a starved thread
    /// pool) and then calls Apple again must still be counted by the others, which would otherwise
    /// each take the whole limit. A newcomer is counted at once, at the others' next turn.
    /// </summary>
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(15);

    // Apps take turns with Apple, so the claim goes lane by lane (an app in one environment): each
    // lane offers its earliest due requests, as many as its turns free within the next second allow
    // (none while they are taken further ahead), and the earliest due of all offers are claimed,
    // deadlines breaking ties. A busy app cannot block the others (its lane stops offering when its
    // turns run out) and each lane's offer is found along its own index, so a claim costs the same
    // whatever the backlog: a claim that walked the due requests in one line and skipped the busy
    // apps' ones read every pending request when one app had thousands. The lanes come from the apps
    // table: a deployment has one team's apps, tens rather than millions. SKIP LOCKED lets
    // dispatchers claim side by side.
    private const string Claim = $"""
        WITH lanes AS (
            SELECT a.id AS app_id, e.environment,
                   least($3, floor(e.rate * (1 - extract(epoch FROM greatest(coalesce(s.next_at, $1) - $1, interval '0'))::float8))::int) AS free
            FROM apps a
            CROSS JOIN (VALUES ('Production', $4), ('Sandbox', $5)) AS e(environment, rate)
            LEFT JOIN send_slots s ON s.app_id = a.id AND s.environment = e.environment
        ), offers AS (
            SELECT o.id, o.due_at, o.deadline
            FROM lanes l
            CROSS JOIN LATERAL (
                SELECT c.id, c.due_at, c.deadline FROM consumption_requests c
                WHERE c.app_id = l.app_id AND c.environment = l.environment AND c.{Pending}
                  AND c.due_at <= $1 AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= $1)
                ORDER BY c.due_at, c.deadline
                LIMIT greatest(l.free, 0)) o
            WHERE l.free > 0
            ORDER BY o.due_at, o.deadline
            LIMIT $3 * 2
        ), picked AS (
            SELECT r.id FROM consumption_requests r
            JOIN offers o ON o.id = r.id
            WHERE r.{Pending} AND (r.lease_expires_at IS NULL OR r.lease_expires_at <= $1)
            ORDER BY o.due_at, o.deadline
            LIMIT $3
            FOR UPDATE OF r SKIP LOCKED
        )
        UPDATE consumption_requests r SET lease_owner = $2, lease_expires_at = $6, updated_at = $1
        FROM picked WHERE r.id = picked.id
        RETURNING r.id
        """;

    // Unleased requests only, so that it reads one index entry: a crashed dispatcher's requests are
    // taken over at the next wake-up after their lease ends (Dispatcher:MaxIdleSeconds at most). In
    // due order rather than min(): with statistics older than a released backlog, PostgreSQL
    // answered min() by reading every pending request.
    private const string NextDue = $"""
        SELECT due_at FROM consumption_requests WHERE {Pending} AND lease_expires_at IS NULL ORDER BY due_at LIMIT 1
        """;

    // Takes the app's next turn if it comes within maxWait; the turns are interval apart. It also
    // counts the live dispatchers, so that a newcomer is seen at the next turn rather than the next heartbeat.
    private const string Reserve = """
        INSERT INTO send_slots AS s (app_id, environment, next_at) VALUES ($1, $2, $3 + $4)
        ON CONFLICT (app_id, environment) DO UPDATE SET next_at = greatest(s.next_at, $3) + $4
        WHERE s.next_at <= $3 + $5
        RETURNING s.next_at - $4, (SELECT count(*)::int + 1 FROM dispatchers WHERE owner <> $7 AND seen_at >= now() - $6)
        """;

    // Renews this dispatcher's row and counts the live ones, itself included, on the database's clock
    // (the processes' clocks may differ); rows not renewed within the given time are gone.
    private const string Beat = """
        WITH beat AS (
            INSERT INTO dispatchers (owner, seen_at) VALUES ($1, now())
            ON CONFLICT (owner) DO UPDATE SET seen_at = EXCLUDED.seen_at
        ), gone AS (
            DELETE FROM dispatchers WHERE seen_at < now() - $2
        )
        SELECT count(*)::int + 1 FROM dispatchers WHERE owner <> $1 AND seen_at >= now() - $2
        """;

    private const string Leave = "DELETE FROM dispatchers WHERE owner = $1";

    private const string SlotAt = "SELECT next_at FROM send_slots WHERE app_id = $1 AND environment = $2";

    public async Task<IReadOnlyList<Guid>> ClaimAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int limit, double productionRate, double sandboxRate, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Claim);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = productionRate });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = sandboxRate });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + lease });
        List<Guid> claimed = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetGuid(0));
        }

        return claimed;
    }

    /// <summary>When the earliest unleased pending request becomes due; null when there is none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NextDue);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The moment this call may go to Apple and how many dispatchers are live (<paramref name="owner"/> and those
    /// heard from within <see cref="LiveWithin"/>), or null (with when to look again) when the turns are taken
    /// further ahead than <paramref name="maxWait"/>.
    /// </summary>
    public async Task<(DateTimeOffset? Slot, DateTimeOffset NextFree, int Dispatchers)> ReserveAsync(
        Guid appId, AppStoreEnvironment environment, DateTimeOffset now, TimeSpan interval, TimeSpan maxWait, string owner, CancellationToken cancellationToken)
    {
        await using var reserve = dataSource.CreateCommand(Reserve);
        reserve.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        reserve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = environment.ToString() });
        reserve.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        reserve.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = interval });
        reserve.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = maxWait });
        reserve.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = LiveWithin });
        reserve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await using (var reader = await reserve.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return (new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), now, reader.GetInt32(1));
            }
        }

        await using var next = dataSource.CreateCommand(SlotAt);
        next.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        next.Parameters.Add(new NpgsqlParameter<string> { TypedValue = environment.ToString() });
        var nextFree = await next.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : now;
        return (null, nextFree, 0);
    }

    /// <summary>Says this dispatcher is alive, and how many are (itself included).</summary>
    public async Task<int> BeatAsync(string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Beat);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = LiveWithin });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task LeaveAsync(string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Leave);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WakeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DueRequestsChannel.Notify);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
