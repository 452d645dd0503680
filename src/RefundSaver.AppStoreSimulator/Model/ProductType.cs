namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>An In-App Purchase's type (<see cref="ProductTypes"/> has Apple's names).</summary>
public enum ProductType
{
    Consumable,
    NonConsumable,
    AutoRenewableSubscription,
    NonRenewingSubscription,
}
