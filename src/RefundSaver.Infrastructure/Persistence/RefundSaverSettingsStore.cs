using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Profiles;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Each change is one prepared <c>UPDATE … RETURNING</c>, with no read before it. Changes that
/// arrive together are sent together: one round trip and one commit (one WAL flush) per batch,
/// which is what a commit-per-request workload spends most of its time on. A change is answered
/// only after its batch has committed; a batch that the server refuses is retried change by
/// change, so one bad change cannot fail the others. One writer per process, and rows taken in a stable order,
/// so that batches do not deadlock on each other's row locks.
/// </summary>
internal sealed partial class RefundSaverSettingsStore : IRefundSaverSettingsStore, IAsyncDisposable
{
    private const int MaxBatchSize = 128;

    private const string Update = """
        UPDATE profiles
        SET consent = CASE WHEN $1 THEN $2 ELSE consent END,
            custom_preference = CASE WHEN $3 THEN $4 ELSE custom_preference END,
            updated_at = $5
        WHERE app_id = $6 AND
        """;

    private const string Returning = " RETURNING id, consent, custom_preference";
    private const string ByCustomerUserId = Update + " customer_user_id = $7" + Returning;
    private const string ByProfileId = Update + " id = $7" + Returning;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<RefundSaverSettingsStore> _logger;
    private readonly Channel<PendingChange> _pending = Channel.CreateUnbounded<PendingChange>();
    private readonly Task _writer;

    public RefundSaverSettingsStore(NpgsqlDataSource dataSource, ILogger<RefundSaverSettingsStore> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writer = Task.Run(WriteBatchesAsync);
    }

    public Task<ProfileSettingsDto?> ChangeAsync(
        Guid appId,
        ProfileSelector selector,
        Optional<bool?> consent,
        Optional<CustomPreference?> customPreference,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The change is not cancelled with the request: once queued it is written, like a request
        // whose answer was lost on the way back.
        var change = new PendingChange(appId, selector, consent, customPreference, now);
        return _pending.Writer.TryWrite(change)
            ? change.Completion.Task
            : Task.FromException<ProfileSettingsDto?>(new ObjectDisposedException(nameof(RefundSaverSettingsStore)));
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteBatchesAsync()
    {
        List<PendingChange> batch = new(MaxBatchSize);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatchSize && _pending.Reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (PostgresException exception) when (batch.Count > 1)
            {
                // The server refused the batch (one bad change, a deadlock with another process):
                // the others should not pay for it.
                LogBatchFailed(_logger, exception, batch.Count);
                foreach (var change in batch)
                {
                    await WriteAloneAsync(change);
                }
            }
            catch (Exception exception)
            {
                // The database cannot be reached: every change of the batch fails at once, and fast.
                foreach (var change in batch)
                {
                    change.Completion.TrySetException(exception);
                }
            }
        }
    }

    private async Task WriteAloneAsync(PendingChange change)
    {
        try
        {
            await WriteAsync([change]);
        }
        catch (Exception exception)
        {
            change.Completion.TrySetException(exception);
        }
    }

    /// <summary>The statements of a batch run in one implicit transaction, in order.</summary>
    private async Task WriteAsync(IReadOnlyList<PendingChange> batch)
    {
        // A stable sort: changes to one profile keep their order of arrival.
        var changes = batch
            .OrderBy(change => change.AppId)
            .ThenBy(change => change.Selector.CustomerUserId, StringComparer.Ordinal)
            .ThenBy(change => change.Selector.ProfileId, StringComparer.Ordinal)
            .ToList();

        await using var command = _dataSource.CreateBatch();
        foreach (var change in changes)
        {
            command.BatchCommands.Add(ToCommand(change));
        }

        var results = new ProfileSettingsDto?[changes.Count];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            for (var index = 0; index < changes.Count; index++)
            {
                if (index > 0)
                {
                    await reader.NextResultAsync();
                }

                results[index] = await reader.ReadAsync() ? ReadSettings(reader) : null;
            }
        }

        // Answer only once the whole batch is committed, i.e. once the reader has been consumed.
        // Each answer goes to the thread pool's global (first in, first out) queue: completing them
        // from this thread would queue their continuations on its own last-in-first-out queue, and
        // the oldest requests of a large batch would wait behind every newer one.
        for (var index = 0; index < changes.Count; index++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static answer => answer.Change.Completion.TrySetResult(answer.Settings),
                new Answer(changes[index], results[index]),
                preferLocal: false);
        }
    }

    private static NpgsqlBatchCommand ToCommand(PendingChange change)
    {
        var byCustomer = change.Selector.CustomerUserId is not null;
        var command = new NpgsqlBatchCommand(byCustomer ? ByCustomerUserId : ByProfileId);
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = change.Consent.HasValue });
        command.Parameters.Add(Nullable(NpgsqlDbType.Boolean, change.Consent.GetValueOr(null)));
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = change.CustomPreference.HasValue });
        command.Parameters.Add(Nullable(NpgsqlDbType.Varchar, change.CustomPreference.GetValueOr(null)?.ToName()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = change.Now });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = change.AppId });
        command.Parameters.Add(byCustomer
            ? new NpgsqlParameter<string> { TypedValue = change.Selector.CustomerUserId }
            : new NpgsqlParameter<Guid> { TypedValue = change.Selector.ParsedProfileId!.Value });
        return command;
    }

    private static ProfileSettingsDto ReadSettings(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        new RefundSaverSettingsDto(
            reader.IsDBNull(1) ? null : reader.GetBoolean(1),
            reader.IsDBNull(2) ? null : reader.GetString(2)));

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} settings changes failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record PendingChange(
        Guid AppId,
        ProfileSelector Selector,
        Optional<bool?> Consent,
        Optional<CustomPreference?> CustomPreference,
        DateTimeOffset Now)
    {
        public TaskCompletionSource<ProfileSettingsDto?> Completion { get; } = new();
    }

    private sealed record Answer(PendingChange Change, ProfileSettingsDto? Settings);
}
