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

    /// <summary>When a dispatcher may next work on it (after a review hold or a retry delay).</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The dispatcher that holds it, until <see cref="LeaseExpiresAt"/>; another may take over after.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>An operator's choice during review; it wins over the profile, the rules and the policy.</summary>
    public string? ManualPreference { get; private set; }

    /// <summary>The preference sent (wire name) and why it was chosen.</summary>
    public string? Preference { get; private set; }

    public string? PreferenceSource { get; private set; }

    /// <summary><c>v1</c> or <c>v2</c>, and the exact JSON body last sent.</summary>
    public string? ApiVersion { get; private set; }

    public string? Body { get; private set; }

    /// <summary>Why it ended as it did (a skip reason, Apple's final error, the deadline).</summary>
    public string? StateReason { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsFinal => State is ConsumptionRequestState.Answered or ConsumptionRequestState.Skipped
        or ConsumptionRequestState.Failed or ConsumptionRequestState.Expired;

    /// <summary>An operator decides the preference while the request is still waiting (and no dispatcher holds it).</summary>
    public bool TrySetManualPreference(string? preference, DateTimeOffset now)
    {
        if (IsFinal || State == ConsumptionRequestState.Sending || LeaseExpiresAt > now)
        {
            return false;
        }

        ManualPreference = preference;
        UpdatedAt = now;
        return true;
    }

    /// <summary>An operator sends a held request now instead of at the end of the review delay.</summary>
    public bool TryReleaseNow(DateTimeOffset now)
    {
        if (State != ConsumptionRequestState.Held)
        {
            return false;
        }

        State = ConsumptionRequestState.Due;
        DueAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Apple's deadline: 12 hours after the notification was signed.</summary>
    public static DateTimeOffset DeadlineFor(DateTimeOffset signedDate) => signedDate + AnswerWindow;
}
