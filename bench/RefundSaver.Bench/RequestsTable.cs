using Npgsql;

namespace RefundSaver.Bench;

/// <summary>One consumption request as the benchmark reads it back.</summary>
internal sealed record RequestRow(
    Guid AppId, string TransactionId, string State, string? StateReason, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, DateTimeOffset UpdatedAt);

/// <summary>The benchmark's SQL: counting states and stored notifications, releasing held requests, reading the results.</summary>
internal sealed class RequestsTable(NpgsqlDataSource database)
{
    public static readonly IReadOnlySet<string> FinalStates = new HashSet<string>(["Answered", "Skipped", "Failed", "Expired"], StringComparer.Ordinal);

    public async Task<Dictionary<string, long>> CountByStateAsync(Guid[] appIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT state, count(*) FROM consumption_requests WHERE app_id = ANY($1) GROUP BY state");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = appIds });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>How many notifications of these apps the webhook has stored.</summary>
    public async Task<long> CountNotificationsAsync(Guid[] appIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM notifications WHERE app_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = appIds });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Makes every held request due now and wakes the dispatchers, in one implicit transaction (the
    /// NOTIFY is delivered at its commit); answers how many were released and the database's now().
    /// </summary>
    public async Task<(int Released, DateTimeOffset At)> ReleaseHeldAsync(CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE consumption_requests SET state = 'Due', due_at = now() WHERE state = 'Held'"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("NOTIFY consumption_requests_due"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT now()"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var at = reader.GetFieldValue<DateTimeOffset>(0);
        return (batch.BatchCommands[0].RecordsAffected, at);
    }

    /// <summary>When each attempt at calling Apple for the app started, by RefundSaver's clock, in order (the API client's quick retries inside one attempt are not rows).</summary>
    public async Task<List<DateTimeOffset>> AttemptStartsAsync(Guid appId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT t.started_at FROM consumption_attempts t JOIN consumption_requests c ON c.id = t.request_id
            WHERE c.app_id = $1 ORDER BY t.started_at
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
        List<DateTimeOffset> starts = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            starts.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return starts;
    }

    public async Task<List<RequestRow>> RowsAsync(Guid[] appIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT app_id, transaction_id, state, state_reason, attempts, created_at, answered_at, updated_at
            FROM consumption_requests WHERE app_id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = appIds });
        List<RequestRow> rows = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RequestRow(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    public static string Describe(Dictionary<string, long> counts) =>
        counts.Count == 0 ? "no requests yet" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value:N0}"));
}
