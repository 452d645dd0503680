using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Domain.Apps;

/// <summary>An App Store app whose refund requests RefundSaver answers.</summary>
public sealed class App
{
    private App(Guid id, string name, string bundleId, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        BundleId = bundleId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string BundleId { get; private set; }

    /// <summary>Apple's id of the app (<c>appAppleId</c>); production notifications must carry it.</summary>
    public long? AppleAppId { get; private set; }

    public bool AcceptsSandbox { get; private set; } = true;

    public bool AcceptsProduction { get; private set; } = true;

    /// <summary>PEM certificates trusted besides Apple's root, for test environments.</summary>
    public List<string> ExtraTrustedRoots { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>App Store Connect API key: issuer id, key id and the encrypted <c>.p8</c>; null until given.</summary>
    public string? AppStoreIssuerId { get; private set; }

    public string? AppStoreKeyId { get; private set; }

    /// <summary>The private key as the credential protector sealed it; never the plain key.</summary>
    public string? AppStorePrivateKeyProtected { get; private set; }

    /// <summary>Answering can be switched off without losing the app's other settings.</summary>
    public bool RefundSaverEnabled { get; private set; } = true;

    public ConsumptionApiVersion ConsumptionApiVersion { get; private set; }

    public RefundPolicy RefundPolicy { get; private set; }

    public ConsentDefault ConsentDefault { get; private set; }

    /// <summary>Sent as <c>sampleContentProvided</c> unless the customer's history holds a free trial.</summary>
    public bool SampleContentProvided { get; private set; }

    /// <summary>Minutes a request is held for an operator before it is sent; null sends at once.</summary>
    public int? ReviewDelayMinutes { get; private set; }

    /// <summary>Ordered: the first that matches picks the preference, before the policy.</summary>
    public List<PreferenceRule> Rules { get; private set; } = [];

    public bool HasAppStoreCredentials => AppStoreIssuerId is not null && AppStoreKeyId is not null && AppStorePrivateKeyProtected is not null;

    public static App Create(string name, string bundleId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name.Trim(), bundleId.Trim(), now);

    public bool Accepts(AppStoreEnvironment environment) =>
        environment == AppStoreEnvironment.Sandbox ? AcceptsSandbox : AcceptsProduction;

    /// <summary>Changes what is given; a left-out setting stays as it is.</summary>
    public void ConfigureAppStore(
        Optional<string> bundleId,
        Optional<long?> appleAppId,
        Optional<IReadOnlyCollection<AppStoreEnvironment>> environments,
        Optional<IReadOnlyList<string>> extraTrustedRoots)
    {
        BundleId = bundleId.Map(value => value.Trim()).GetValueOr(BundleId);
        AppleAppId = appleAppId.GetValueOr(AppleAppId);
        if (environments.HasValue)
        {
            AcceptsSandbox = environments.Value.Contains(AppStoreEnvironment.Sandbox);
            AcceptsProduction = environments.Value.Contains(AppStoreEnvironment.Production);
        }

        if (extraTrustedRoots.HasValue)
        {
            ExtraTrustedRoots = [.. extraTrustedRoots.Value];
        }
    }

    public void SetAppStoreCredentials(string issuerId, string keyId, string privateKeyProtected)
    {
        AppStoreIssuerId = issuerId.Trim();
        AppStoreKeyId = keyId.Trim();
        AppStorePrivateKeyProtected = privateKeyProtected;
    }

    public void ClearAppStoreCredentials()
    {
        AppStoreIssuerId = null;
        AppStoreKeyId = null;
        AppStorePrivateKeyProtected = null;
    }

    /// <summary>Changes what is given; a left-out setting stays as it is.</summary>
    public void ConfigureRefundSaver(RefundSaverConfiguration configuration)
    {
        RefundSaverEnabled = configuration.Enabled.GetValueOr(RefundSaverEnabled);
        ConsumptionApiVersion = configuration.ApiVersion.GetValueOr(ConsumptionApiVersion);
        RefundPolicy = configuration.Policy.GetValueOr(RefundPolicy);
        ConsentDefault = configuration.ConsentDefault.GetValueOr(ConsentDefault);
        SampleContentProvided = configuration.SampleContentProvided.GetValueOr(SampleContentProvided);
        ReviewDelayMinutes = configuration.ReviewDelayMinutes.GetValueOr(ReviewDelayMinutes);
        if (configuration.Rules.HasValue)
        {
            Rules = [.. configuration.Rules.Value];
        }
    }
}
