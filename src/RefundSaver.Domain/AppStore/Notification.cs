namespace RefundSaver.Domain.AppStore;

/// <summary>One verified App Store Server Notification, kept as received (its decoded payload) with what it changed.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid AppId { get; private set; }

    public Guid NotificationUuid { get; private set; }

    public string NotificationType { get; private set; } = string.Empty;

    public string? Subtype { get; private set; }

    public AppStoreEnvironment Environment { get; private set; }

    public DateTimeOffset SignedDate { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public string? TransactionId { get; private set; }

    public string? OriginalTransactionId { get; private set; }

    /// <summary>What it decided about its transaction's refund, if it is a refund decision.</summary>
    public RefundOutcome? RefundOutcome { get; private set; }

    /// <summary>What storing it changed, for people: "ledger: transaction 2000…", "consumption request created".</summary>
    public string Effect { get; private set; } = string.Empty;

    /// <summary>The decoded payload, nested signed parts decoded too, as JSON.</summary>
    public string Payload { get; private set; } = "{}";
}
