using RefundSaver.Application.AppStore;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// Splits a batch into rounds that can each be written by one set-based statement. A statement sees
/// the database as it was before it began, and may not upsert one row twice, so notifications of
/// the same transaction go to successive rounds, in the order they arrived; everything else shares
/// the first round. A second copy of a <c>notificationUUID</c> in the batch is in no round: it is a
/// duplicate whatever becomes of the first.
/// </summary>
internal static class NotificationRounds
{
    /// <returns>For each round, the indices of its notifications in the batch, in arrival order.</returns>
    public static List<List<int>> Plan(IReadOnlyList<NewNotification> batch)
    {
        var rounds = new List<List<int>>();
        var uuids = new HashSet<Guid>();
        var lastRoundOfTransaction = new Dictionary<(Guid AppId, string TransactionId), int>();
        for (var index = 0; index < batch.Count; index++)
        {
            var notification = batch[index];
            if (!uuids.Add(notification.NotificationUuid))
            {
                continue;
            }

            var round = 0;
            if (notification.Transaction is { } transaction)
            {
                var key = (notification.AppId, transaction.TransactionId);
                round = lastRoundOfTransaction.TryGetValue(key, out var last) ? last + 1 : 0;
                lastRoundOfTransaction[key] = round;
            }

            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(index);
        }

        return rounds;
    }
}
