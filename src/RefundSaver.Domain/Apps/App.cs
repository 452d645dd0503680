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

    public DateTimeOffset CreatedAt { get; private set; }

    public static App Create(string name, string bundleId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), name.Trim(), bundleId.Trim(), now);
}
