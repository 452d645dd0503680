using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.Dispatching;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// Notifications that arrive together are written as one batch: one round trip, one commit, and one
/// set-based statement per round (<see cref="NotificationRounds"/>), since starting a statement
/// costs PostgreSQL more than the rows it writes. The statement inserts the rows first; the unique
/// <c>notification_uuid</c> makes concurrent duplicates wait for, then see, the first one, and
/// everything else the statement does hangs on the rows it inserted: a duplicate changes nothing.
/// </summary>
internal sealed class NotificationStore : INotificationStore, IAsyncDisposable
{
    private const int MaxBatchSize = 64;

    /// <summary>The first key of the transaction locks, so they share no key with other advisory locks.</summary>
    private const int TransactionLockClass = 0x52534e54;

    // A statement sees the rows committed when it began. Two processes whose batches write, one the
    // request of a transaction, the other its refund, would each miss the other's row: so a batch
    // first takes a lock per transaction, in one order to avoid deadlocks, and its statements,
    // which begin after that, see whatever an earlier holder committed.
    private const string LockTransactions = """
        SELECT pg_advisory_xact_lock($1, key) FROM unnest($2::integer[]) AS key
        """;

    // The profile: the backend's link if there is one, else the profile that answers to the app
    // account token the purchase carries (the token it was given, else its id: one unique index).
    // For each ledger field the newest signed value wins; an older one only fills a gap. Revocation
    // fields follow the newest as they are, since a reversed refund clears them. A row whose customer
    // was erased takes neither a token nor a profile again. A refund decision (its outcome is the
    // handler's, stored with the notification) may arrive before the request it decides: the
    // request picks it up.
    private const string Save = """
        WITH input AS (
            SELECT *
            FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::text[],
                        $15::bigint[], $16::text[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::integer[],
                        $21::text[], $22::uuid[], $23::text[], $24::integer[], $25::text[], $26::text[], $27::timestamptz[],
                        $28::uuid[], $29::text[], $30::timestamptz[], $31::text[])
                WITH ORDINALITY AS i (id, app_id, notification_uuid, notification_type, subtype, environment, signed_date,
                                      received_at, transaction_id, original_transaction_id, effect, payload, product_id, type,
                                      price, currency, purchase_date, expires_date, revocation_date, revocation_reason,
                                      revocation_type, app_account_token, storefront, offer_type, offer_discount_type,
                                      transaction_environment, transaction_signed_date, request_id, reason, deadline, outcome,
                                      position)
        ), inserted AS (
            INSERT INTO notifications (id, app_id, notification_uuid, notification_type, subtype, environment, signed_date,
                                       received_at, transaction_id, original_transaction_id, refund_outcome, effect, payload)
            SELECT id, app_id, notification_uuid, notification_type, subtype, environment, signed_date,
                   received_at, transaction_id, original_transaction_id, outcome, effect, payload
            FROM input
            ON CONFLICT (notification_uuid) DO NOTHING
            RETURNING id
        ), stored AS (
            SELECT input.* FROM input JOIN inserted USING (id)
        ), ledger AS (
            INSERT INTO app_store_transactions AS t (app_id, transaction_id, original_transaction_id, profile_id, product_id, type,
                price, currency, purchase_date, expires_date, revocation_date, revocation_reason, revocation_type,
                app_account_token, storefront, offer_type, offer_discount_type, environment, signed_date, updated_at)
            SELECT s.app_id, s.transaction_id, s.original_transaction_id,
                   coalesce((SELECT l.profile_id FROM transaction_links l
                             WHERE l.app_id = s.app_id AND l.original_transaction_id = s.original_transaction_id),
                            (SELECT p.id FROM profiles p WHERE p.app_id = s.app_id AND p.effective_app_account_token = s.app_account_token)),
                   s.product_id, s.type, s.price, s.currency, s.purchase_date, s.expires_date, s.revocation_date, s.revocation_reason,
                   s.revocation_type, s.app_account_token, s.storefront, s.offer_type, s.offer_discount_type,
                   s.transaction_environment, s.transaction_signed_date, s.received_at
            FROM stored s
            WHERE s.transaction_id IS NOT NULL
            ON CONFLICT (app_id, transaction_id) DO UPDATE SET
                original_transaction_id = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.original_transaction_id ELSE t.original_transaction_id END,
                profile_id = CASE WHEN t.customer_erased THEN NULL ELSE coalesce(t.profile_id, EXCLUDED.profile_id) END,
                product_id = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.product_id, t.product_id) ELSE coalesce(t.product_id, EXCLUDED.product_id) END,
                type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.type, t.type) ELSE coalesce(t.type, EXCLUDED.type) END,
                price = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.price, t.price) ELSE coalesce(t.price, EXCLUDED.price) END,
                currency = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.currency, t.currency) ELSE coalesce(t.currency, EXCLUDED.currency) END,
                purchase_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.purchase_date, t.purchase_date) ELSE coalesce(t.purchase_date, EXCLUDED.purchase_date) END,
                expires_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.expires_date, t.expires_date) ELSE coalesce(t.expires_date, EXCLUDED.expires_date) END,
                revocation_date = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_date ELSE t.revocation_date END,
                revocation_reason = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_reason ELSE t.revocation_reason END,
                revocation_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.revocation_type ELSE t.revocation_type END,
                app_account_token = CASE WHEN t.customer_erased THEN NULL WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.app_account_token, t.app_account_token) ELSE coalesce(t.app_account_token, EXCLUDED.app_account_token) END,
                storefront = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.storefront, t.storefront) ELSE coalesce(t.storefront, EXCLUDED.storefront) END,
                offer_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.offer_type, t.offer_type) ELSE coalesce(t.offer_type, EXCLUDED.offer_type) END,
                offer_discount_type = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN coalesce(EXCLUDED.offer_discount_type, t.offer_discount_type) ELSE coalesce(t.offer_discount_type, EXCLUDED.offer_discount_type) END,
                environment = CASE WHEN EXCLUDED.signed_date >= t.signed_date THEN EXCLUDED.environment ELSE t.environment END,
                signed_date = greatest(t.signed_date, EXCLUDED.signed_date),
                updated_at = EXCLUDED.updated_at
            RETURNING t.app_id, t.transaction_id, t.profile_id
        ), request AS (
            INSERT INTO consumption_requests (id, app_id, notification_id, transaction_id, original_transaction_id, profile_id,
                                              environment, reason, state, requested_at, deadline, outcome, outcome_at, created_at,
                                              due_at, attempts, updated_at)
            SELECT s.request_id, s.app_id, s.id, s.transaction_id, s.original_transaction_id, ledger.profile_id,
                   s.environment, s.reason, 'Received', s.signed_date, s.deadline, decided.outcome, decided.signed_date,
                   s.received_at, s.received_at, 0, s.received_at
            FROM stored s
            LEFT JOIN ledger ON ledger.app_id = s.app_id AND ledger.transaction_id = s.transaction_id
            LEFT JOIN LATERAL (
                SELECT n.refund_outcome AS outcome, n.signed_date
                FROM notifications n
                WHERE n.app_id = s.app_id AND n.transaction_id = s.transaction_id AND n.signed_date >= s.signed_date
                  AND n.refund_outcome IS NOT NULL
                ORDER BY n.signed_date DESC
                LIMIT 1) AS decided ON true
            WHERE s.request_id IS NOT NULL
        ), decision AS (
            UPDATE consumption_requests c SET outcome = s.outcome, outcome_at = s.signed_date
            FROM stored s
            WHERE s.outcome IS NOT NULL
              AND c.app_id = s.app_id AND c.transaction_id = s.transaction_id
              AND c.requested_at <= s.signed_date AND (c.outcome_at IS NULL OR c.outcome_at <= s.signed_date)
        )
        SELECT position FROM stored
        """;

    public const string DataSourceKey = "notification-store";

    private readonly NpgsqlDataSource _dataSource;
    private readonly BatchWriter<NewNotification, bool> _writer;

    public NotificationStore([FromKeyedServices(DataSourceKey)] NpgsqlDataSource dataSource, ILogger<NotificationStore> logger)
    {
        _dataSource = dataSource;
        _writer = new BatchWriter<NewNotification, bool>("store notifications", dataSource, WriteAsync, MaxBatchSize, logger);
    }

    /// <summary>
    /// The store's own connections, which plan its statement once (a generic plan: arrays of any
    /// length take the same plan). With the default, each time autovacuum analyzes a table the next
    /// five batches would plan the large statement afresh for their values, milliseconds each.
    /// </summary>
    public static string ConnectionString(string connectionString) =>
        ServerSettings.With(connectionString, "plan_cache_mode=force_generic_plan");

    public Task<bool> SaveAsync(NewNotification notification, CancellationToken cancellationToken) => _writer.WriteAsync(notification);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<bool[]> WriteAsync(IReadOnlyList<NewNotification> notifications)
    {
        var rounds = NotificationRounds.Plan(notifications);
        await using var batch = _dataSource.CreateBatch();
        var lockKeys = TransactionLockKeys(notifications);
        if (lockKeys.Length > 0)
        {
            var command = new NpgsqlBatchCommand(LockTransactions);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = TransactionLockClass });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = lockKeys });
            batch.BatchCommands.Add(command);
        }

        foreach (var round in rounds)
        {
            var command = new NpgsqlBatchCommand(Save);
            command.Parameters.AddRange(Parameters(round.Select(index => notifications[index]).ToList()));
            batch.BatchCommands.Add(command);
        }

        // Delivered at commit, so a dispatcher never wakes for a request it cannot see yet.
        if (notifications.Any(notification => notification.ConsumptionRequestId is not null))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(DueRequestsChannel.Notify));
        }

        var stored = new bool[notifications.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        if (lockKeys.Length > 0)
        {
            await reader.NextResultAsync();
        }

        foreach (var round in rounds)
        {
            while (await reader.ReadAsync())
            {
                stored[round[(int)reader.GetInt64(0) - 1]] = true;
            }

            await reader.NextResultAsync();
        }

        return stored;
    }

    /// <summary>A stable hash of each transaction (app and id), distinct and in ascending order.</summary>
    private static int[] TransactionLockKeys(IReadOnlyList<NewNotification> notifications) =>
    [
        .. notifications
            .Where(notification => notification.Transaction is not null)
            .Select(notification => BinaryPrimitives.ReadInt32LittleEndian(
                SHA256.HashData(Encoding.UTF8.GetBytes($"{notification.AppId:N}:{notification.Transaction!.TransactionId}"))))
            .Distinct()
            .Order(),
    ];

    private static NpgsqlParameter[] Parameters(List<NewNotification> round)
    {
        TransactionInfo?[] infos = [.. round.Select(notification => notification.Transaction)];
        return
        [
            Array(round, notification => notification.Id),
            Array(round, notification => notification.AppId),
            Array(round, notification => notification.NotificationUuid),
            Array(round, notification => notification.NotificationType),
            Array(round, notification => notification.Subtype),
            Array(round, notification => notification.Environment.ToString()),
            Array(round, notification => notification.SignedDate),
            Array(round, notification => notification.ReceivedAt),
            Array(infos, info => info?.TransactionId),
            Array(infos, info => info?.OriginalTransactionId),
            Array(round, notification => notification.Effect),
            new NpgsqlParameter<string[]>
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
                TypedValue = [.. round.Select(notification => notification.PayloadJson)],
            },
            Array(infos, info => info?.ProductId),
            Array(infos, info => info?.Type),
            Array(infos, info => info?.Price),
            Array(infos, info => info?.Currency),
            Array(infos, info => info?.PurchaseDate),
            Array(infos, info => info?.ExpiresDate),
            Array(infos, info => info?.RevocationDate),
            Array(infos, info => info?.RevocationReason),
            Array(infos, info => info?.RevocationType),
            Array(infos, info => info?.AppAccountToken),
            Array(infos, info => info?.Storefront),
            Array(infos, info => info?.OfferType),
            Array(infos, info => info?.OfferDiscountType),
            Array(round, notification => notification.Transaction is { } info ? (info.Environment ?? notification.Environment).ToString() : null),
            Array(round, notification => notification.Transaction is { } info ? info.SignedDate ?? notification.SignedDate : (DateTimeOffset?)null),
            Array(round, notification => notification.ConsumptionRequestId),
            Array(round, notification => notification.ConsumptionRequestReason),
            Array(round, notification => ConsumptionRequest.DeadlineFor(notification.SignedDate)),
            Array(round, notification => notification.Outcome?.ToString()),
        ];
    }

    private static NpgsqlParameter<TValue[]> Array<TItem, TValue>(IEnumerable<TItem> items, Func<TItem, TValue> value) =>
        new() { TypedValue = [.. items.Select(value)] };
}
