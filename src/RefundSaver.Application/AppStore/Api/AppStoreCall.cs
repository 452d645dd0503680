using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore.Api;

/// <summary>Where and as whom a call to the App Store Server API goes: the app's key, its bundle id, and the environment.</summary>
public sealed record AppStoreCall(AppStoreCredentials Credentials, string BundleId, AppStoreEnvironment Environment);
