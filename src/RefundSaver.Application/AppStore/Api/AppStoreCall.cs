using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Api;

/// <summary>Where and as whom a call to the App Store Server API goes: the app's key, its bundle id, and the environment.</summary>
public sealed record AppStoreCall(AppStoreCredentials Credentials, string BundleId, AppStoreEnvironment Environment)
{
    /// <summary>
    /// Whether a 429 whose <c>Retry-After</c> is a moment away is retried inside the call (the default).
    /// A caller that takes turns to keep within Apple's rate limit says no: a retry outside its turns
    /// would crowd them, and the calls refused together would all come back at the same moment.
    /// </summary>
    public bool RetryRateLimitedInline { get; init; } = true;
}
