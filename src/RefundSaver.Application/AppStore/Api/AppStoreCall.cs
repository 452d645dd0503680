using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Api;

/// <summary>Where and as whom a call to the App Store Server API goes: the app's key, its bundle id, and the environment.</summary>
public sealed record AppStoreCall(AppStoreCredentials Credentials, string BundleId, AppStoreEnvironment Environment)
{
    /// <summary>
    /// Whether the caller takes turns to keep within Apple's rate limit. Such a call reaches Apple
    /// once, whatever the answer (a 401 excepted: it is tried once more at once, with a new token),
    /// and the caller retries through its turns: a quick retry of a 429 or a 5xx outside them would
    /// crowd them, and calls refused together would all come back at the same moment.
    /// </summary>
    public bool TakesTurns { get; init; }
}
