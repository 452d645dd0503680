namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>Where a transaction stands with refunds.</summary>
public enum RefundState
{
    /// <summary>No refund request is open.</summary>
    None,

    /// <summary>The customer asked for a refund; Apple has not decided.</summary>
    Requested,

    /// <summary>Refunded (the transaction is revoked).</summary>
    Refunded,

    /// <summary>The last request was declined; another one may follow.</summary>
    Declined,
}
