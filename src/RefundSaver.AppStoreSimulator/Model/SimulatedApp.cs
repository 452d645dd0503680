namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>An app as App Store Connect knows it: its identity, environment, notification URL and keys.</summary>
public sealed class SimulatedApp(
    string bundleId, long appAppleId, AppStoreEnvironment environment, Uri? notificationUrl, string bundleVersion, string issuerId, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly List<IssuedKey> _keys = [];

    public string BundleId { get; } = bundleId;

    public long AppAppleId { get; } = appAppleId;

    public AppStoreEnvironment Environment { get; } = environment;

    /// <summary>Where notifications go (App Store Server Notifications V2); none means they are recorded, not sent.</summary>
    public Uri? NotificationUrl { get; } = notificationUrl;

    public string BundleVersion { get; } = bundleVersion;

    /// <summary>The App Store Connect issuer of all this app's keys.</summary>
    public string IssuerId { get; } = issuerId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public IReadOnlyList<IssuedKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    public void AddKey(IssuedKey key)
    {
        lock (_gate)
        {
            _keys.Add(key);
        }
    }
}
