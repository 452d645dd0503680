using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// One transaction per notification: the row first (its unique <c>notification_uuid</c> makes
/// concurrent duplicates wait for, then see, the first one), then the ledger, the consumption
/// request and the refund outcome in one round trip.
/// </summary>
internal sealed class NotificationStore(NpgsqlDataSource dataSource) : INotificationStore
{
    private const string InsertNotification = """
        INSERT INTO notifications (id, app_id, notification_uuid, notification_type, subtype, environment, signed_date,
                                   received_at, transaction_id, original_transaction_id, effect, payload)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (notification_uuid) DO NOTHING
        RETURNING id
        """;

    // The profile: the backend's link if there is one, else the profile whose app account token
    // the purchase carries. For each field the newest signed value wins; an older one only fills a
    // gap. Revocation fields follow the newest as they are, since a reversed refund clears them.
    private const string UpsertTransaction = """
        INSERT INTO app_store_transactions AS t (app_id, transaction_id, original_transaction_id, profile_id, product_id, type,
            price, currency, purchase_date, expires_date, revocation_date, revocation_reason, revocation_type,
            app_account_token, storefront, offer_type, offer_discount_type, environment, signed_date, updated_at)
        VALUES ($1, $2, $3,
                coalesce((SELECT profile_id FROM transaction_links WHERE app_id = $1 AND original_transaction_id = $3),
                         (SELECT id FROM profiles WHERE app_id = $1 AND (app_account_token = $13 OR (app_account_token IS NULL AND id = $13)))),
                $4, $5, $6, $7, $8, $9, $10, $11, $12,
                $13, $14, $15, $16, $17, $18, $19)
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
        """;

    // A refund decision may arrive before the request it decides: pick it up from the notifications.
    private const string InsertConsumptionRequest = """
        INSERT INTO consumption_requests (id, app_id, notification_id, transaction_id, original_transaction_id, profile_id,
                                          environment, reason, state, requested_at, deadline, outcome, outcome_at, created_at)
        SELECT $1, $2, $3, $4, $5, (SELECT profile_id FROM app_store_transactions WHERE app_id = $2 AND transaction_id = $4),
               $6, $7, 'Received', $8, $9, decided.outcome, decided.signed_date, $10
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (
            SELECT CASE n.notification_type WHEN 'REFUND' THEN 'Refunded' WHEN 'REFUND_DECLINED' THEN 'Declined' ELSE 'Reversed' END AS outcome,
                   n.signed_date
            FROM notifications n
            WHERE n.app_id = $2 AND n.transaction_id = $4 AND n.signed_date >= $8
              AND n.notification_type IN ('REFUND', 'REFUND_DECLINED', 'REFUND_REVERSED')
            ORDER BY n.signed_date DESC
            LIMIT 1) AS decided ON true
        """;

    private const string ApplyOutcome = """
        UPDATE consumption_requests SET outcome = $1, outcome_at = $2
        WHERE app_id = $3 AND transaction_id = $4 AND requested_at <= $2 AND (outcome_at IS NULL OR outcome_at <= $2)
        """;

    public async Task<bool> SaveAsync(NewNotification notification, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var insert = new NpgsqlCommand(InsertNotification, connection, transaction))
        {
            AddNotification(insert.Parameters, notification);
            if (await insert.ExecuteScalarAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        await using (var changes = new NpgsqlBatch(connection, transaction))
        {
            AddChanges(changes, notification);
            if (changes.BatchCommands.Count > 0)
            {
                await changes.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void AddNotification(NpgsqlParameterCollection parameters, NewNotification notification)
    {
        parameters.Add(Value(notification.Id));
        parameters.Add(Value(notification.AppId));
        parameters.Add(Value(notification.NotificationUuid));
        parameters.Add(Value(notification.NotificationType));
        parameters.Add(Text(notification.Subtype));
        parameters.Add(Value(notification.Environment.ToString()));
        parameters.Add(Value(notification.SignedDate));
        parameters.Add(Value(notification.ReceivedAt));
        parameters.Add(Text(notification.Transaction?.TransactionId));
        parameters.Add(Text(notification.Transaction?.OriginalTransactionId));
        parameters.Add(Value(notification.Effect));
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = notification.PayloadJson });
    }

    private static void AddChanges(NpgsqlBatch batch, NewNotification notification)
    {
        if (notification.Transaction is not { } info)
        {
            return;
        }

        batch.BatchCommands.Add(Command(
            UpsertTransaction,
            Value(notification.AppId),
            Value(info.TransactionId),
            Value(info.OriginalTransactionId),
            Text(info.ProductId),
            Text(info.Type),
            Nullable(NpgsqlDbType.Bigint, info.Price),
            Text(info.Currency),
            Nullable(NpgsqlDbType.TimestampTz, info.PurchaseDate),
            Nullable(NpgsqlDbType.TimestampTz, info.ExpiresDate),
            Nullable(NpgsqlDbType.TimestampTz, info.RevocationDate),
            Nullable(NpgsqlDbType.Integer, info.RevocationReason),
            Text(info.RevocationType),
            Nullable(NpgsqlDbType.Uuid, info.AppAccountToken),
            Text(info.Storefront),
            Nullable(NpgsqlDbType.Integer, info.OfferType),
            Text(info.OfferDiscountType),
            Value((info.Environment ?? notification.Environment).ToString()),
            Value(info.SignedDate ?? notification.SignedDate),
            Value(notification.ReceivedAt)));

        if (notification.ConsumptionRequestId is { } requestId)
        {
            batch.BatchCommands.Add(Command(
                InsertConsumptionRequest,
                Value(requestId),
                Value(notification.AppId),
                Value(notification.Id),
                Value(info.TransactionId),
                Value(info.OriginalTransactionId),
                Value(notification.Environment.ToString()),
                Text(notification.ConsumptionRequestReason),
                Value(notification.SignedDate),
                Value(ConsumptionRequest.DeadlineFor(notification.SignedDate)),
                Value(notification.ReceivedAt)));
        }

        if (notification.Outcome is { } outcome)
        {
            batch.BatchCommands.Add(Command(
                ApplyOutcome,
                Value(outcome.ToString()),
                Value(notification.SignedDate),
                Value(notification.AppId),
                Value(info.TransactionId)));
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Value<T>(T value) => new NpgsqlParameter<T> { TypedValue = value };

    private static NpgsqlParameter Text(string? value) => Nullable(NpgsqlDbType.Varchar, value);

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
