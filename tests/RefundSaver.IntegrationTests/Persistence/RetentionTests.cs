using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using RefundSaver.IntegrationTests.Infrastructure;
using RefundSaver.Infrastructure.Retention;

namespace RefundSaver.IntegrationTests.Persistence;

/// <summary>Customer data older than Retention:Days is removed, a row exactly at the limit is kept, and open requests keep theirs.</summary>
public sealed class RetentionTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string Payload = """{"appAccountToken": "4f9d3a5e-0000-4000-8000-00000000aaaa"}""";

    // In the future, so that a purge on the real clock (a host starting) never finds these rows past the limit.
    private static readonly DateTimeOffset Now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2);

    [Fact]
    public async Task Purge_WhenRowsAreAtAndPastTheLimit_ShouldKeepTheOneAtItAndEmptyTheOnesPastIt()
    {
        var app = await CreateAppAsync();
        var limit = Now.AddDays(-400);
        var atLimit = await InsertRequestAsync(app.Id, limit, "Answered");
        var pastLimit = await InsertRequestAsync(app.Id, limit.AddMilliseconds(-1), "Answered");
        var secondPast = await InsertRequestAsync(app.Id, limit.AddDays(-30), "Skipped");
        var openPast = await InsertRequestAsync(app.Id, limit.AddDays(-1), "Due");

        var changed = await PurgeAsync(new RetentionOptions { Days = 400, BatchSize = 1 });

        (await StoredAsync(atLimit)).ShouldBe((Payload, Payload, Payload));
        (await StoredAsync(pastLimit)).ShouldBe(("{}", null, "{}"));
        (await StoredAsync(secondPast)).ShouldBe(("{}", null, "{}"));
        (await StoredAsync(openPast)).ShouldBe((Payload, Payload, Payload), "the dispatcher may still work on an open request");
        changed.ShouldBeGreaterThanOrEqualTo(6, "the purge covers the whole database, other tests' rows too");
    }

    [Fact]
    public async Task Purge_WhenDaysIsZero_ShouldKeepEverythingForever()
    {
        var app = await CreateAppAsync();
        var ancient = await InsertRequestAsync(app.Id, Now.AddYears(-20), "Answered");

        var changed = await PurgeAsync(new RetentionOptions { Days = 0 });

        changed.ShouldBe(0);
        (await StoredAsync(ancient)).ShouldBe((Payload, Payload, Payload));
    }

    private async Task<int> PurgeAsync(RetentionOptions options)
    {
        var clock = new FrozenClock();
        clock.SetUtcNow(Now);
        var purge = new RetentionPurge(Api.Services.GetRequiredService<NpgsqlDataSource>(), Options.Create(options), clock);
        return await purge.PurgeAsync(CancellationToken.None);
    }

    /// <summary>A notification received at <paramref name="at"/>, its consumption request and one attempt, all then (due in a century: no dispatcher takes it).</summary>
    private async Task<Guid> InsertRequestAsync(Guid appId, DateTimeOffset at, string state)
    {
        var notificationId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        var requestId = Guid.NewGuid();
        var transactionId = "2000" + Random.Shared.NextInt64(100_000_000_000);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in new[]
        {
            """
            INSERT INTO notifications (id, app_id, notification_uuid, notification_type, environment, signed_date, received_at, transaction_id, effect, payload)
            VALUES ($1, $2, $3, 'CONSUMPTION_REQUEST', 'Production', $4, $4, $5, 'test', $6::jsonb)
            """,
            """
            INSERT INTO consumption_requests (id, app_id, notification_id, transaction_id, environment, state, requested_at, deadline, created_at, due_at, attempts, updated_at, body)
            VALUES ($3, $2, $1, $5, 'Production', $7, $4, $4 + interval '12 hours', $4, $4 + interval '100 years', 1, $4, $6::json)
            """,
            """
            INSERT INTO consumption_attempts (id, request_id, number, started_at, elapsed_ms, api_version, result, body)
            VALUES ($1, $3, 1, $4, 10, 'v2', 'Accepted', $6::json)
            """,
        })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = notificationId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = appId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = requestId });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = transactionId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Payload });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        return requestId;
    }

    /// <summary>The notification's payload, the request's body and the attempt's body, as text.</summary>
    private async Task<(string Payload, string? RequestBody, string AttemptBody)> StoredAsync(Guid requestId)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT n.payload::text, c.body::text, a.body::text
            FROM consumption_requests c JOIN notifications n ON n.id = c.notification_id JOIN consumption_attempts a ON a.request_id = c.id
            WHERE c.id = $1
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = requestId });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
    }
}
