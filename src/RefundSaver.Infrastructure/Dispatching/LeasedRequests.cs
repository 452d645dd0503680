using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.Dispatching;

/// <summary>The requests this process's dispatcher holds the lease of, in PostgreSQL (see <see cref="ILeasedRequests"/>).</summary>
internal sealed class LeasedRequests(
    RefundSaverDbContext db, NpgsqlDataSource dataSource, LeasedRequestMoves moves, DispatcherIdentity dispatcher, TimeProvider clock) : ILeasedRequests
{
    private string Owner => dispatcher.Owner;

    private IQueryable<ConsumptionRequest> Mine(Guid requestId) =>
        db.ConsumptionRequests.Where(request => request.Id == requestId && request.LeaseOwner == Owner);

    public Task<DispatchContext> WithFactsAsync(DispatchContext context, CancellationToken cancellationToken) =>
        DispatchContextLoader.WithFactsAsync(db, context, cancellationToken);

    public Task<int> UnauthorizedAttemptsAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.ConsumptionAttempts.CountAsync(a => a.RequestId == requestId && a.Result == "Unauthorized", cancellationToken);

    public async Task<bool> ResealKeyAsync(Guid appId, string old, string resealed, CancellationToken cancellationToken) =>
        await db.Apps
            .Where(row => row.Id == appId && row.AppStorePrivateKeyProtected == old)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.AppStorePrivateKeyProtected, resealed), cancellationToken) == 1;

    public Task<bool> FinishAsync(Guid requestId, ConsumptionRequestState state, string reason, CancellationToken cancellationToken) =>
        moves.MoveAsync(requestId, Owner, state, null, reason, clock.GetUtcNow());

    public Task ReleaseAsync(Guid requestId, ConsumptionRequestState state, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken) =>
        moves.MoveAsync(requestId, Owner, state, dueAt, reason, clock.GetUtcNow());

    public async Task<bool> StartSendingAsync(Guid requestId, DispatchPlan.Send send, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Mine(requestId).ExecuteUpdateAsync(
            update => update
                .SetProperty(request => request.State, ConsumptionRequestState.Sending)
                .SetProperty(request => request.ApiVersion, send.ApiVersion)
                .SetProperty(request => request.Body, send.Body)
                .SetProperty(request => request.Preference, send.Preference)
                .SetProperty(request => request.PreferenceSource, send.PreferenceSource)
                .SetProperty(request => request.StateReason, (string?)null)
                .SetProperty(request => request.UpdatedAt, now),
            cancellationToken) == 1;
    }

    // One statement, so one round trip and one commit: the request moves on only while this
    // dispatcher holds its lease, and the attempt is stored only if it did.
    private const string RecordAttempt = """
        WITH moved AS (
            UPDATE consumption_requests
            SET state = $3, due_at = coalesce($4, due_at), attempts = $5, state_reason = $6,
                answered_at = CASE WHEN $3 = 'Answered' THEN $7 ELSE answered_at END,
                lease_owner = NULL, lease_expires_at = NULL, updated_at = $7
            WHERE id = $1 AND lease_owner = $2
            RETURNING id)
        INSERT INTO consumption_attempts (id, request_id, number, started_at, elapsed_ms, api_version, result, status_code, error_code, error_message, body)
        SELECT $8, id, $5, $9, $10, $11, $12, $13, $14, $15, $16 FROM moved
        """;

    public async Task RecordAttemptAsync(ConsumptionAttempt attempt, AttemptVerdict verdict, CancellationToken cancellationToken)
    {
        var (state, dueAt, reason) = verdict switch
        {
            AttemptVerdict.Answered => (ConsumptionRequestState.Answered, (DateTimeOffset?)null, (string?)null),
            AttemptVerdict.Failed failed => (ConsumptionRequestState.Failed, null, failed.Reason),
            AttemptVerdict.Expired expired => (ConsumptionRequestState.Expired, null, expired.Reason),
            AttemptVerdict.RetryAt retry => (ConsumptionRequestState.Due, retry.At, $"Retrying: {retry.Reason}."),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
        };

        await using var command = dataSource.CreateCommand(RecordAttempt);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = attempt.RequestId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Owner });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state.ToString() });
        command.Parameters.Add(NullableParameter(dueAt, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt.Number });
        command.Parameters.Add(NullableParameter(reason, NpgsqlDbType.Varchar));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = attempt.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = attempt.StartedAt });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt.ElapsedMilliseconds });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.ApiVersion });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.Result });
        command.Parameters.Add(NullableParameter(attempt.StatusCode, NpgsqlDbType.Integer));
        command.Parameters.Add(NullableParameter(attempt.ErrorCode, NpgsqlDbType.Bigint));
        command.Parameters.Add(NullableParameter(attempt.ErrorMessage, NpgsqlDbType.Varchar));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt.Body, NpgsqlDbType = NpgsqlDbType.Json });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter NullableParameter(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
