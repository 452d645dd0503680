using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Profiles;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// Each change is one prepared <c>UPDATE … RETURNING</c>, with no read before it; changes that
/// arrive together are written as one batch. Rows are taken in a stable order, so that batches of
/// different processes do not deadlock on each other's row locks.
/// </summary>
internal sealed class RefundSaverSettingsStore : IRefundSaverSettingsStore, IAsyncDisposable
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
    private readonly BatchWriter<Change, ProfileSettingsDto?> _writer;

    public RefundSaverSettingsStore(NpgsqlDataSource dataSource, ILogger<RefundSaverSettingsStore> logger)
    {
        _dataSource = dataSource;
        _writer = new BatchWriter<Change, ProfileSettingsDto?>("write refund saver settings", dataSource, WriteAsync, MaxBatchSize, logger);
    }

    public Task<ProfileSettingsDto?> ChangeAsync(
        Guid appId,
        ProfileSelector selector,
        Optional<bool?> consent,
        Optional<CustomPreference?> customPreference,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        _writer.WriteAsync(new Change(appId, selector, consent, customPreference, now));

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>The statements of a batch run in one implicit transaction, in order.</summary>
    private async Task<ProfileSettingsDto?[]> WriteAsync(IReadOnlyList<Change> changes)
    {
        // A stable sort: changes to one profile keep their order of arrival.
        var order = Enumerable.Range(0, changes.Count)
            .OrderBy(index => changes[index].AppId)
            .ThenBy(index => changes[index].Selector.CustomerUserId, StringComparer.Ordinal)
            .ThenBy(index => changes[index].Selector.ProfileId, StringComparer.Ordinal)
            .ToList();

        await using var command = _dataSource.CreateBatch();
        foreach (var index in order)
        {
            command.BatchCommands.Add(ToCommand(changes[index]));
        }

        var results = new ProfileSettingsDto?[changes.Count];
        await using var reader = await command.ExecuteReaderAsync();
        for (var position = 0; position < order.Count; position++)
        {
            if (position > 0)
            {
                await reader.NextResultAsync();
            }

            results[order[position]] = await reader.ReadAsync() ? ReadSettings(reader) : null;
        }

        return results;
    }

    private static NpgsqlBatchCommand ToCommand(Change change)
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

    private sealed record Change(
        Guid AppId,
        ProfileSelector Selector,
        Optional<bool?> Consent,
        Optional<CustomPreference?> CustomPreference,
        DateTimeOffset Now);
}
