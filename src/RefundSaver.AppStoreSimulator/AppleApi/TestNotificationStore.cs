using System.Collections.Concurrent;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>The TEST notifications requested through the API, by their test notification token.</summary>
public sealed class TestNotificationStore
{
    private readonly ConcurrentDictionary<string, NotificationRecord> _byToken = new(StringComparer.Ordinal);

    public void Add(string token, NotificationRecord record) => _byToken[token] = record;

    public NotificationRecord? Find(string token) => _byToken.TryGetValue(token, out var record) ? record : null;
}
