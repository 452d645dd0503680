using System.Collections.Concurrent;

namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>Every notification the simulator signed, in the order they were made.</summary>
public sealed class NotificationLog
{
    private readonly ConcurrentQueue<NotificationRecord> _records = new();

    public void Add(NotificationRecord record) => _records.Enqueue(record);

    public IReadOnlyList<NotificationRecord> All(string? bundleId = null) =>
        [.. _records.Where(record => bundleId is null || record.BundleId == bundleId)];
}
