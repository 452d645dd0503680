using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;

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
}
