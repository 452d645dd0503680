using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>What the webhook needs to know of an app: who it is, what it accepts, and whom it trusts.</summary>
public sealed record WebhookApp(
    Guid Id,
    string BundleId,
    long? AppleAppId,
    IReadOnlySet<AppStoreEnvironment> Environments,
    IReadOnlyList<byte[]> ExtraTrustedRoots);
