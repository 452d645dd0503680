namespace RefundSaver.AppStoreSimulator.Control;

/// <summary><c>POST /simulator/apps</c>: an app, as registered in App Store Connect.</summary>
public sealed record CreateAppRequest(
    string? BundleId,
    long? AppleAppId,
    string? NotificationUrl,
    string? Environment,
    string? BundleVersion);
