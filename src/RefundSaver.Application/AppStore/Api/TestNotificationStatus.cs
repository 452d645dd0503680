namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// Get Test Notification Status: the TEST notification Apple sent (its JWS) and each attempt to
/// deliver it to the app's notification URL, oldest first (up to six).
/// </summary>
public sealed record TestNotificationStatus(string? SignedPayload, IReadOnlyList<TestNotificationAttempt> Attempts);
