namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>The app and its first In-App Purchase key; <see cref="PrivateKeyPem"/> (the .p8) is shown this once.</summary>
public sealed record AppCreatedResponse(
    string BundleId,
    long AppleAppId,
    string Environment,
    string? NotificationUrl,
    string BundleVersion,
    string IssuerId,
    string KeyId,
    string PrivateKeyPem);
