namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>Another In-App Purchase key for an app; <see cref="PrivateKeyPem"/> (the .p8) is shown this once.</summary>
public sealed record KeyIssuedResponse(string BundleId, string IssuerId, string KeyId, string PrivateKeyPem);
