namespace RefundSaver.Domain.AppStore;

/// <summary>A customer's refund request that Apple asked us to answer, within 12 hours of its signing.</summary>
public sealed class ConsumptionRequest
{
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromHours(12);

    private ConsumptionRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid AppId { get; private set; }

    public Guid NotificationId { get; private set; }

    public string TransactionId { get; private set; } = string.Empty;

    public string? OriginalTransactionId { get; private set; }

    public Guid? ProfileId { get; private set; }

    public AppStoreEnvironment Environment { get; private set; }

    public string? Reason { get; private set; }

    public ConsumptionRequestState State { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public RefundOutcome? Outcome { get; private set; }

    public DateTimeOffset? OutcomeAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Apple's deadline: 12 hours after the notification was signed.</summary>
    public static DateTimeOffset DeadlineFor(DateTimeOffset signedDate) => signedDate + AnswerWindow;
}
