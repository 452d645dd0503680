namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Whether the app delivered the purchase and it works, as the app's backend reported it. Apple's V1
/// <c>deliveryStatus</c> codes are 0..5 in this order; V2 has <c>DELIVERED</c> and four
/// <c>UNDELIVERED_…</c> strings, where an in-game currency change counts as <c>UNDELIVERED_OTHER</c>.
/// </summary>
public enum DeliveryStatus
{
    Delivered,
    QualityIssue,
    WrongItem,
    ServerOutage,
    InGameCurrencyChange,
    Other,
}
