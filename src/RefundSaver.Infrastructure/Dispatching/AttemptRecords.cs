using Microsoft.Extensions.Logging;
using Npgsql;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>
/// Calls to Apple and what they moved their requests to, recorded together: the answers of a
/// dispatcher's concurrent calls share one statement and one commit. A request moves on only while
/// the dispatcher that called holds its lease, and its attempt is stored only if it did.
/// </summary>
internal sealed class AttemptRecords : IAsyncDisposable
{
    private const int MaxBatchSize = 256;

    private const string Sql = """
        WITH input AS (
            SELECT *
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::integer[], $6::text[], $7::timestamptz[],
                        $8::uuid[], $9::timestamptz[], $10::integer[], $11::text[], $12::text[], $13::integer[], $14::bigint[],
                        $15::text[], $16::text[])
                AS i(request_id, owner, state, due_at, number, reason, recorded_at, attempt_id, started_at, elapsed_ms,
                     api_version, result, status_code, error_code, error_message, body)
        ), moved AS (
            UPDATE consumption_requests r
            SET state = i.state, due_at = coalesce(i.due_at, r.due_at), attempts = i.number, state_reason = i.reason,
                answered_at = CASE WHEN i.state = 'Answered' THEN i.recorded_at ELSE r.answered_at END,
                lease_owner = NULL, lease_expires_at = NULL, updated_at = i.recorded_at
            FROM input i
            WHERE r.id = i.request_id AND r.lease_owner = i.owner
            RETURNING r.id)
        INSERT INTO consumption_attempts (id, request_id, number, started_at, elapsed_ms, api_version, result, status_code, error_code, error_message, body)
        SELECT i.attempt_id, i.request_id, i.number, i.started_at, i.elapsed_ms, i.api_version, i.result, i.status_code, i.error_code,
               i.error_message, i.body::json
        FROM input i JOIN moved ON moved.id = i.request_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchWriter<Record, bool> _writer;

    public AttemptRecords(NpgsqlDataSource dataSource, ILogger<AttemptRecords> logger)
    {
        _dataSource = dataSource;
        _writer = new BatchWriter<Record, bool>("record consumption attempts", dataSource, WriteAsync, MaxBatchSize, logger);
    }

    /// <summary>Stores the attempt and moves its request as <paramref name="verdict"/> says, ending the lease.</summary>
    public Task RecordAsync(ConsumptionAttempt attempt, AttemptVerdict verdict, string owner, DateTimeOffset now)
    {
        var (state, dueAt, reason) = verdict switch
        {
            AttemptVerdict.Answered => (ConsumptionRequestState.Answered, (DateTimeOffset?)null, (string?)null),
            AttemptVerdict.Failed failed => (ConsumptionRequestState.Failed, null, failed.Reason),
            AttemptVerdict.Expired expired => (ConsumptionRequestState.Expired, null, expired.Reason),
            AttemptVerdict.RetryAt retry => (ConsumptionRequestState.Due, retry.At, $"Retrying: {retry.Reason}."),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
        };
        return _writer.WriteAsync(new Record(attempt, owner, state, dueAt, reason, now));
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<bool[]> WriteAsync(IReadOnlyList<Record> records)
    {
        await using var command = _dataSource.CreateCommand(Sql);
        Add(records, record => record.Attempt.RequestId);
        Add(records, record => record.Owner);
        Add(records, record => record.State.ToString());
        Add(records, record => record.DueAt);
        Add(records, record => record.Attempt.Number);
        Add(records, record => record.Reason);
        Add(records, record => record.RecordedAt);
        Add(records, record => record.Attempt.Id);
        Add(records, record => record.Attempt.StartedAt);
        Add(records, record => record.Attempt.ElapsedMilliseconds);
        Add(records, record => record.Attempt.ApiVersion);
        Add(records, record => record.Attempt.Result);
        Add(records, record => record.Attempt.StatusCode);
        Add(records, record => record.Attempt.ErrorCode);
        Add(records, record => record.Attempt.ErrorMessage);
        Add(records, record => record.Attempt.Body);
        await command.ExecuteNonQueryAsync();
        return [.. records.Select(_ => true)];

        void Add<TValue>(IReadOnlyList<Record> items, Func<Record, TValue> value) =>
            command.Parameters.Add(new NpgsqlParameter<TValue[]> { TypedValue = [.. items.Select(value)] });
    }

    private sealed record Record(
        ConsumptionAttempt Attempt, string Owner, ConsumptionRequestState State, DateTimeOffset? DueAt, string? Reason, DateTimeOffset RecordedAt);
}
