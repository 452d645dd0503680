namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// The App Store Server API, as RefundSaver uses it. Each method is one attempt from the caller's
/// view: the client may retry quickly inside it (network errors, timeouts, 5xx, a 429 whose
/// <c>Retry-After</c> is a moment away unless the call says otherwise, a 401 once with a fresh token), but long waits are the
/// caller's to schedule durably from the returned <see cref="AppStoreAnswer"/>. Apple's answers,
/// good or bad, are values; only a key that cannot sign (<see cref="InvalidAppStoreKeyException"/>)
/// and the caller's own cancellation throw.
/// </summary>
public interface IAppStoreApi
{
    /// <summary>
    /// Makes (or finds) the call's token now: making one can take longer than a turn to call Apple
    /// lasts, and calls held up after their turns would reach Apple together. Throws
    /// <see cref="InvalidAppStoreKeyException"/> when the key cannot sign.
    /// </summary>
    void PrepareToken(AppStoreCall call);

    /// <summary>
    /// Send Consumption Information: <c>PUT /inApps/{apiVersion}/transactions/consumption/{transactionId}</c>
    /// with <paramref name="jsonBody"/> as it is.
    /// </summary>
    /// <param name="apiVersion"><see cref="AppStoreApiVersions.V1"/> or <see cref="AppStoreApiVersions.V2"/>.</param>
    Task<AppStoreAnswer> SendConsumptionAsync(
        AppStoreCall call, string apiVersion, string transactionId, string jsonBody, CancellationToken ct);

    /// <summary>Request a Test Notification: <c>POST /inApps/v1/notifications/test</c>; the token when accepted.</summary>
    Task<(AppStoreAnswer Answer, string? Token)> RequestTestNotificationAsync(AppStoreCall call, CancellationToken ct);

    /// <summary>Get Test Notification Status: <c>GET /inApps/v1/notifications/test/{token}</c>; the attempts when accepted.</summary>
    Task<(AppStoreAnswer Answer, TestNotificationStatus? Status)> GetTestNotificationStatusAsync(
        AppStoreCall call, string token, CancellationToken ct);
}
