namespace RefundSaver.Domain.Profiles;

/// <summary>A customer's own refund preference, overriding the app's policy.</summary>
public enum CustomPreference
{
    Grant,
    Decline,
    NoPreference,
}
