namespace RefundSaver.Domain.AppStore;

/// <summary>The app's backend says whose purchase this is: every transaction of the original transaction belongs to the profile.</summary>
public sealed class TransactionLink
{
    private TransactionLink(Guid appId, string originalTransactionId, Guid profileId, DateTimeOffset createdAt)
    {
        AppId = appId;
        OriginalTransactionId = originalTransactionId;
        ProfileId = profileId;
        CreatedAt = createdAt;
    }

    public Guid AppId { get; private set; }

    public string OriginalTransactionId { get; private set; }

    public Guid ProfileId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TransactionLink Create(Guid appId, string originalTransactionId, Guid profileId, DateTimeOffset now) =>
        new(appId, originalTransactionId, profileId, now);

    /// <summary>A later link wins: the backend knows best who bought it.</summary>
    public void MoveTo(Guid profileId, DateTimeOffset now)
    {
        ProfileId = profileId;
        CreatedAt = now;
    }
}
