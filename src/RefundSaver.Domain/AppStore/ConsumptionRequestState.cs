namespace RefundSaver.Domain.AppStore;

/// <summary>
/// The life of a consumption request: received → held / due → sending → answered | skipped |
/// failed | expired. This part of the system receives them; the dispatcher moves them on.
/// </summary>
public enum ConsumptionRequestState
{
    Received,
    Held,
    Due,
    Sending,
    Answered,
    Skipped,
    Failed,
    Expired,
}
