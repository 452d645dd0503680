namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>An app as listed: never its private keys, which the simulator does not keep.</summary>
public sealed record AppResponse(
    string BundleId,
    long AppleAppId,
    string Environment,
    string? NotificationUrl,
    string BundleVersion,
    string IssuerId,
    IReadOnlyList<string> KeyIds,
    DateTimeOffset CreatedAt);
