namespace RefundSaver.TestSupport.Simulator;

/// <summary>What <c>POST /simulator/apps</c> answered: the app and its .p8 key.</summary>
public sealed record CreatedApp(
    string BundleId, long AppleAppId, string Environment, string? NotificationUrl, string IssuerId, string KeyId, string PrivateKeyPem);
