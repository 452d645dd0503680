namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>The transaction <c>type</c> values as Apple spells them.</summary>
public static class ProductTypes
{
    public const string Consumable = "Consumable";
    public const string NonConsumable = "Non-Consumable";
    public const string AutoRenewableSubscription = "Auto-Renewable Subscription";
    public const string NonRenewingSubscription = "Non-Renewing Subscription";

    public static readonly IReadOnlyList<string> All = [Consumable, NonConsumable, AutoRenewableSubscription, NonRenewingSubscription];

    public static string Name(ProductType type) => type switch
    {
        ProductType.Consumable => Consumable,
        ProductType.NonConsumable => NonConsumable,
        ProductType.AutoRenewableSubscription => AutoRenewableSubscription,
        ProductType.NonRenewingSubscription => NonRenewingSubscription,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown product type."),
    };

    public static bool TryParse(string? value, out ProductType type)
    {
        switch (value)
        {
            case Consumable:
                type = ProductType.Consumable;
                return true;
            case NonConsumable:
                type = ProductType.NonConsumable;
                return true;
            case AutoRenewableSubscription:
                type = ProductType.AutoRenewableSubscription;
                return true;
            case NonRenewingSubscription:
                type = ProductType.NonRenewingSubscription;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
