using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Dispatching;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// One statement per notification, notifications that arrive together written as one batch (one
/// round trip, one commit). The statement inserts the row first; its unique <c>notification_uuid</c>
/// makes concurrent duplicates wait for, then see, the first one, and everything else the
/// statement does hangs on that insert: a duplicate changes nothing.
/// </summary>
internal sealed class NotificationStore : INotificationStore, IAsyncDisposable
{
    private const int MaxBatchSize = 64;

    // The profile: the backend's link if there is one, else the profile whose app account token
    // the purchase carries. For each ledger field the newest signed value wins; an older one only
    // fills a gap. Revocation fields follow the newest as they are, since a reversed refund clears
    // them. A refund decision may arrive before the request it decides: the request picks it up.
    private const string Save = """
        WITH inserted AS (
            INSERT INTO notifications (id, app_id, notification_uuid, notification_type, subtype, environment, signed_date,
                                       received_at, transaction_id, original_transaction_id, effect, payload)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (notification_uuid) DO NOTHING
            RETURNING id
        ), ledger AS (
            INSERT INTO app_store_transactions AS t (app_id, transaction_id, original_transaction_id, profile_id, product_id, type,
                price, currency, purchase_date, expires_date, revocation_date, revocation_reason, revocation_type,
                app_account_token, storefront, offer_type, offer_discount_type, environment, signed_date, updated_at)
            SELECT $2, $9, $10,
                   coalesce((SELECT profile_id FROM transaction_links WHERE app_id = $2 AND original_transaction_id = $10),
                            (SELECT id FROM profiles WHERE app_id = $2 AND (app_account_token = $22 OR (app_account_token IS NULL AND id = $22)))),
                   $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $8
            FROM inserted
            WHERE $9 IS NOT NULL
            ON CONFLICT (app_id, transaction_id) DO UPDATE SET
                original_transaction_id = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.original_transaction_id ELSE t.original_transaction_id END,
                profile_id = coalesce(t.profile_id, EXCLUDED.profile_id),
                product_id = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.product_id, t.product_id) ELSE coalesce(t.product_id, EXCLUDED.product_id) END,
                type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.type, t.type) ELSE coalesce(t.type, EXCLUDED.type) END,
                price = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.price, t.price) ELSE coalesce(t.price, EXCLUDED.price) END,
                currency = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.currency, t.currency) ELSE coalesce(t.currency, EXCLUDED.currency) END,
                purchase_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.purchase_date, t.purchase_date) ELSE coalesce(t.purchase_date, EXCLUDED.purchase_date) END,
                expires_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.expires_date, t.expires_date) ELSE coalesce(t.expires_date, EXCLUDED.expires_date) END,
                revocation_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_date ELSE t.revocation_date END,
                revocation_reason = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_reason ELSE t.revocation_reason END,
                revocation_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_type ELSE t.revocation_type END,
                app_account_token = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.app_account_token, t.app_account_token) ELSE coalesce(t.app_account_token, EXCLUDED.app_account_token) END,
                storefront = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.storefront, t.storefront) ELSE coalesce(t.storefront, EXCLUDED.storefront) END,
                offer_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.offer_type, t.offer_type) ELSE coalesce(t.offer_type, EXCLUDED.offer_type) END,
                offer_discount_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.offer_discount_type, t.offer_discount_type) ELSE coalesce(t.offer_discount_type, EXCLUDED.offer_discount_type) END,
                environment = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.environment ELSE t.environment END,
                signed_date = greatest(t.signed_date, EXCLUDED.signed_date),
                updated_at = EXCLUDED.updated_at
            RETURNING t.profile_id
        ), request AS (
            INSERT INTO consumption_requests (id, app_id, notification_id, transaction_id, original_transaction_id, profile_id,
                                              environment, reason, state, requested_at, deadline, outcome, outcome_at, created_at,
                                              due_at, attempts, updated_at)
            SELECT $28, $2, inserted.id, $9, $10, (SELECT profile_id FROM ledger),
                   $6, $29, 'Received', $7, $30, decided.outcome, decided.signed_date, $8, $8, 0, $8
            FROM inserted
            LEFT JOIN LATERAL (
                SELECT CASE n.notification_type WHEN 'REFUND' THEN 'Refunded' WHEN 'REFUND_DECLINED' THEN 'Declined' ELSE 'Reversed' END AS outcome,
                       n.signed_date
                FROM notifications n
                WHERE n.app_id = $2 AND n.transaction_id = $9 AND n.signed_date >= $7
                  AND n.notification_type IN ('REFUND', 'REFUND_DECLINED', 'REFUND_REVERSED')
                ORDER BY n.signed_date DESC
                LIMIT 1) AS decided ON true
            WHERE $28 IS NOT NULL
        ), decision AS (
            UPDATE consumption_requests SET outcome = $31, outcome_at = $7
            WHERE $31 IS NOT NULL AND EXISTS (SELECT 1 FROM inserted)
              AND app_id = $2 AND transaction_id = $9 AND requested_at <= $7 AND (outcome_at IS NULL OR outcome_at <= $7)
        )
        SELECT count(*) FROM inserted
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchWriter<NewNotification, bool> _writer;

    public NotificationStore(NpgsqlDataSource dataSource, ILogger<NotificationStore> logger)
    {
        _dataSource = dataSource;
        _writer = new BatchWriter<NewNotification, bool>(WriteAsync, MaxBatchSize, logger);
    }

    public Task<bool> SaveAsync(NewNotification notification, CancellationToken cancellationToken) => _writer.WriteAsync(notification);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<bool[]> WriteAsync(IReadOnlyList<NewNotification> notifications)
    {
        await using var batch = _dataSource.CreateBatch();
        foreach (var notification in notifications)
        {
            var command = new NpgsqlBatchCommand(Save);
            command.Parameters.AddRange(Parameters(notification));
            batch.BatchCommands.Add(command);
        }

        // Delivered at commit, so a dispatcher never wakes for a request it cannot see yet.
        var wakeDispatchers = notifications.Any(notification => notification.ConsumptionRequestId is not null);
        if (wakeDispatchers)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(DispatcherSignal.Notify));
        }

        var stored = new bool[notifications.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var index = 0; index < notifications.Count; index++)
        {
            if (index > 0)
            {
                await reader.NextResultAsync();
            }

            await reader.ReadAsync();
            stored[index] = reader.GetInt64(0) == 1;
        }

        return stored;
    }

    private static NpgsqlParameter[] Parameters(NewNotification notification)
    {
        var info = notification.Transaction;
        return
        [
            Value(notification.Id),
            Value(notification.AppId),
            Value(notification.NotificationUuid),
            Value(notification.NotificationType),
            Text(notification.Subtype),
            Value(notification.Environment.ToString()),
            Value(notification.SignedDate),
            Value(notification.ReceivedAt),
            Text(info?.TransactionId),
            Text(info?.OriginalTransactionId),
            Value(notification.Effect),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = notification.PayloadJson },
            Text(info?.ProductId),
            Text(info?.Type),
            Nullable(NpgsqlDbType.Bigint, info?.Price),
            Text(info?.Currency),
            Nullable(NpgsqlDbType.TimestampTz, info?.PurchaseDate),
            Nullable(NpgsqlDbType.TimestampTz, info?.ExpiresDate),
            Nullable(NpgsqlDbType.TimestampTz, info?.RevocationDate),
            Nullable(NpgsqlDbType.Integer, info?.RevocationReason),
            Text(info?.RevocationType),
            Nullable(NpgsqlDbType.Uuid, info?.AppAccountToken),
            Text(info?.Storefront),
            Nullable(NpgsqlDbType.Integer, info?.OfferType),
            Text(info?.OfferDiscountType),
            Text((info?.Environment ?? notification.Environment).ToString()),
            Nullable(NpgsqlDbType.TimestampTz, info is null ? null : info.SignedDate ?? notification.SignedDate),
            Nullable(NpgsqlDbType.Uuid, notification.ConsumptionRequestId),
            Text(notification.ConsumptionRequestReason),
            Value(ConsumptionRequest.DeadlineFor(notification.SignedDate)),
            Text(notification.Outcome?.ToString()),
        ];
    }

    private static NpgsqlParameter Value<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    private static NpgsqlParameter Text(string? value) => Nullable(NpgsqlDbType.Varchar, value);

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
