namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>
/// A purchase in one environment of one app. Its identity never changes; its refund state does,
/// under a lock of its own.
/// </summary>
public sealed class SimulatedTransaction(string transactionId, string originalTransactionId, string bundleId, PurchaseDetails details)
{
    private readonly Lock _gate = new();
    private RefundState _refundState;
    private string? _refundReason;
    private DateTimeOffset? _revocationDate;
    private int? _revocationReason;
    private string? _revocationType;
    private int? _revocationPercentage;

    public string TransactionId { get; } = transactionId;

    public string OriginalTransactionId { get; } = originalTransactionId;

    public string BundleId { get; } = bundleId;

    public PurchaseDetails Details { get; } = details;

    public AppStoreEnvironment Environment => Details.Environment;

    public ProductType Type => Details.Type;

    public TransactionSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new TransactionSnapshot(
                this, _refundState, _refundReason, _revocationDate, _revocationReason, _revocationType, _revocationPercentage);
        }
    }

    /// <summary>Opens a refund request; false when the transaction is already refunded.</summary>
    public bool TryRequestRefund(string reason)
    {
        lock (_gate)
        {
            if (_refundState == RefundState.Refunded)
            {
                return false;
            }

            _refundState = RefundState.Requested;
            _refundReason = reason;
            return true;
        }
    }

    /// <summary>Refunds (revokes) it; false unless a refund request is open.</summary>
    public bool TryRefund(DateTimeOffset at, int revocationReason, int? percentage)
    {
        lock (_gate)
        {
            if (_refundState != RefundState.Requested)
            {
                return false;
            }

            _refundState = RefundState.Refunded;
            _revocationDate = at;
            _revocationReason = revocationReason;
            _revocationType = percentage is null ? "REFUND_FULL" : "REFUND_PRORATED";
            _revocationPercentage = percentage;
            return true;
        }
    }

    /// <summary>Declines the open refund request; false unless one is open.</summary>
    public bool TryDecline()
    {
        lock (_gate)
        {
            if (_refundState != RefundState.Requested)
            {
                return false;
            }

            _refundState = RefundState.Declined;
            return true;
        }
    }
}
