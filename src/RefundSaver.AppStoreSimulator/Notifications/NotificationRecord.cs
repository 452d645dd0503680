namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>A notification the simulator signed, and every attempt at delivering it.</summary>
public sealed class NotificationRecord(
    string notificationUuid,
    string bundleId,
    string environment,
    string notificationType,
    string? subtype,
    string? transactionId,
    string signedPayload,
    Uri? url,
    DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryAttempt> _attempts = [];
    private DeliveryStatus _status = url is null ? DeliveryStatus.NotSent : DeliveryStatus.Pending;
    private DateTimeOffset? _nextAttemptAt = url is null ? null : createdAt;

    public string NotificationUuid { get; } = notificationUuid;

    public string BundleId { get; } = bundleId;

    public string Environment { get; } = environment;

    public string NotificationType { get; } = notificationType;

    public string? Subtype { get; } = subtype;

    public string? TransactionId { get; } = transactionId;

    /// <summary>The JWS posted as <c>{"signedPayload":"…"}</c>.</summary>
    public string SignedPayload { get; } = signedPayload;

    public Uri? Url { get; } = url;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DeliveryStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public DateTimeOffset? NextAttemptAt
    {
        get
        {
            lock (_gate)
            {
                return _nextAttemptAt;
            }
        }
    }

    public IReadOnlyList<DeliveryAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Records an attempt; <paramref name="nextAttemptAt"/> null means none will follow.</summary>
    public void Record(DeliveryAttempt attempt, DateTimeOffset? nextAttemptAt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
            _nextAttemptAt = nextAttemptAt;
            _status = attempt.SendAttemptResult == SendAttemptResults.Success
                ? DeliveryStatus.Delivered
                : nextAttemptAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        }
    }
}
