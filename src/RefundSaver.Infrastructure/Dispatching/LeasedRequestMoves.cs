using Microsoft.Extensions.Logging;
using Npgsql;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// The moves of leased requests that record no attempt (skipped, expired, held, given back to the
/// queue, or marked as being sent), written together: the requests of a claimed batch are decided at
/// the same moment, and their moves share one statement and one commit. Each move happens only while
/// the dispatcher that asks for it still holds the request's lease; a request being sent keeps it.
/// </summary>
internal sealed class LeasedRequestMoves : IAsyncDisposable
{
    private const int MaxBatchSize = 256;

    private const string Sql = """
        UPDATE consumption_requests r
        SET state = m.state, due_at = CASE WHEN m.has_due_at THEN m.due_at ELSE r.due_at END, state_reason = m.reason,
            api_version = CASE WHEN m.sending THEN m.api_version ELSE r.api_version END,
            body = CASE WHEN m.sending THEN m.body::json ELSE r.body END,
            preference = CASE WHEN m.sending THEN m.preference ELSE r.preference END,
            preference_source = CASE WHEN m.sending THEN m.preference_source ELSE r.preference_source END,
            lease_owner = CASE WHEN m.sending THEN r.lease_owner END,
            lease_expires_at = CASE WHEN m.sending THEN r.lease_expires_at END,
            updated_at = m.moved_at
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::timestamptz[], $6::text[], $7::timestamptz[],
                    $8::boolean[], $9::text[], $10::text[], $11::text[], $12::text[])
            AS m(id, owner, state, has_due_at, due_at, reason, moved_at, sending, api_version, body, preference, preference_source)
        WHERE r.id = m.id AND r.lease_owner = m.owner
        RETURNING r.id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchWriter<Move, bool> _writer;

    public LeasedRequestMoves(NpgsqlDataSource dataSource, ILogger<LeasedRequestMoves> logger)
    {
        _dataSource = dataSource;
        _writer = new BatchWriter<Move, bool>("move leased consumption requests", dataSource, WriteAsync, MaxBatchSize, logger);
    }

    /// <summary>Moves the request to <paramref name="state"/> (due at <paramref name="dueAt"/> when given) and ends the lease; false when the lease was not the owner's.</summary>
    public Task<bool> MoveAsync(Guid requestId, string owner, ConsumptionRequestState state, DateTimeOffset? dueAt, string reason, DateTimeOffset now) =>
        _writer.WriteAsync(new Move(requestId, owner, state, dueAt, reason, now, Sending: null));

    /// <summary>Marks the request as being sent with <paramref name="send"/>'s body, keeping the lease; false when the lease was not the owner's.</summary>
    public Task<bool> StartSendingAsync(Guid requestId, string owner, DispatchPlan.Send send, DateTimeOffset now) =>
        _writer.WriteAsync(new Move(requestId, owner, ConsumptionRequestState.Sending, null, null, now, send));

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<bool[]> WriteAsync(IReadOnlyList<Move> moves)
    {
        await using var command = _dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. moves.Select(move => move.RequestId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. moves.Select(move => move.Owner)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. moves.Select(move => move.State.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. moves.Select(move => move.DueAt.HasValue)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. moves.Select(move => move.DueAt ?? move.MovedAt)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. moves.Select(move => move.Reason)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. moves.Select(move => move.MovedAt)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. moves.Select(move => move.Sending is not null)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. moves.Select(move => move.Sending?.ApiVersion)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. moves.Select(move => move.Sending?.Body)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. moves.Select(move => move.Sending?.Preference)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. moves.Select(move => move.Sending?.PreferenceSource)] });

        HashSet<Guid> moved = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            moved.Add(reader.GetGuid(0));
        }

        return [.. moves.Select(move => moved.Contains(move.RequestId))];
    }

    private sealed record Move(
        Guid RequestId, string Owner, ConsumptionRequestState State, DateTimeOffset? DueAt, string? Reason, DateTimeOffset MovedAt, DispatchPlan.Send? Sending);
}
