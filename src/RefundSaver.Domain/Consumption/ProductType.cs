namespace RefundSaver.Domain.Consumption;

/// <summary>
/// The kind of In-App Purchase, from the transaction's <c>type</c>. Apple calculates consumption itself for
/// <see cref="AutoRenewableSubscription"/> and rejects a V2 <c>consumptionPercentage</c> for it.
/// </summary>
public enum ProductType
{
    AutoRenewableSubscription,
    NonConsumable,
    Consumable,
    NonRenewingSubscription,
}
