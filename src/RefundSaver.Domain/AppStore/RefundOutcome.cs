namespace RefundSaver.Domain.AppStore;

/// <summary>What Apple decided about the refund a consumption request was about.</summary>
public enum RefundOutcome
{
    /// <summary><c>REFUND</c>: Apple refunded the customer.</summary>
    Refunded,

    /// <summary><c>REFUND_DECLINED</c>: Apple declined the refund.</summary>
    Declined,

    /// <summary><c>REFUND_REVERSED</c>: a refund was taken back.</summary>
    Reversed,
}
