using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>Every transaction of every app, by transaction identifier.</summary>
public sealed class TransactionStore(SimulatorIds ids)
{
    private readonly ConcurrentDictionary<string, SimulatedTransaction> _transactions = new(StringComparer.Ordinal);

    public SimulatedTransaction Add(SimulatedApp app, PurchaseDetails details)
    {
        var transactionId = ids.NextTransactionId();
        var transaction = new SimulatedTransaction(transactionId, transactionId, app.BundleId, details);
        _transactions[transactionId] = transaction;
        return transaction;
    }

    public bool TryGet(string transactionId, [NotNullWhen(true)] out SimulatedTransaction? transaction) =>
        _transactions.TryGetValue(transactionId, out transaction);

    public IReadOnlyList<SimulatedTransaction> ForApp(string bundleId) =>
        [.. _transactions.Values.Where(t => t.BundleId == bundleId).OrderBy(t => t.TransactionId, StringComparer.Ordinal)];
}
