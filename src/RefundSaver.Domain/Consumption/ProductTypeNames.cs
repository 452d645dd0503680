namespace RefundSaver.Domain.Consumption;

/// <summary>
/// The names of <see cref="ProductType"/>: Apple's transaction <c>type</c> strings, and our snake_case
/// wire names (for rules and the admin API).
/// </summary>
public static class ProductTypeNames
{
    public const string AppleAutoRenewableSubscription = "Auto-Renewable Subscription";
    public const string AppleNonConsumable = "Non-Consumable";
    public const string AppleConsumable = "Consumable";
    public const string AppleNonRenewingSubscription = "Non-Renewing Subscription";

    public const string AutoRenewableSubscription = "auto_renewable_subscription";
    public const string NonConsumable = "non_consumable";
    public const string Consumable = "consumable";
    public const string NonRenewingSubscription = "non_renewing_subscription";

    public static IReadOnlyList<string> All { get; } =
        [AutoRenewableSubscription, NonConsumable, Consumable, NonRenewingSubscription];

    public static string ToApple(this ProductType type) => type switch
    {
        ProductType.AutoRenewableSubscription => AppleAutoRenewableSubscription,
        ProductType.NonConsumable => AppleNonConsumable,
        ProductType.Consumable => AppleConsumable,
        ProductType.NonRenewingSubscription => AppleNonRenewingSubscription,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Exact, ordinal match of Apple's transaction <c>type</c>; on failure <paramref name="type"/> is the default.</summary>
    public static bool TryParseApple(string? name, out ProductType type)
    {
        ProductType? parsed = name switch
        {
            AppleAutoRenewableSubscription => ProductType.AutoRenewableSubscription,
            AppleNonConsumable => ProductType.NonConsumable,
            AppleConsumable => ProductType.Consumable,
            AppleNonRenewingSubscription => ProductType.NonRenewingSubscription,
            _ => null,
        };
        type = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public static string ToWire(this ProductType type) => type switch
    {
        ProductType.AutoRenewableSubscription => AutoRenewableSubscription,
        ProductType.NonConsumable => NonConsumable,
        ProductType.Consumable => Consumable,
        ProductType.NonRenewingSubscription => NonRenewingSubscription,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="type"/> is the default.</summary>
    public static bool TryParse(string? name, out ProductType type)
    {
        ProductType? parsed = name switch
        {
            AutoRenewableSubscription => ProductType.AutoRenewableSubscription,
            NonConsumable => ProductType.NonConsumable,
            Consumable => ProductType.Consumable,
            NonRenewingSubscription => ProductType.NonRenewingSubscription,
            _ => null,
        };
        type = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>Auto-renewable and non-renewing subscriptions: consumption is the elapsed share of their period.</summary>
    public static bool IsSubscription(this ProductType type) =>
        type is ProductType.AutoRenewableSubscription or ProductType.NonRenewingSubscription;
}
