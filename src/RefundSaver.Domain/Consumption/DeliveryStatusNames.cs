namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="DeliveryStatus"/>, and Apple's V1 codes and V2 strings for it.</summary>
public static class DeliveryStatusNames
{
    public const string Delivered = "delivered";
    public const string QualityIssue = "quality_issue";
    public const string WrongItem = "wrong_item";
    public const string ServerOutage = "server_outage";
    public const string InGameCurrencyChange = "in_game_currency_change";
    public const string Other = "other";

    public const string V2Delivered = "DELIVERED";
    public const string V2UndeliveredQualityIssue = "UNDELIVERED_QUALITY_ISSUE";
    public const string V2UndeliveredWrongItem = "UNDELIVERED_WRONG_ITEM";
    public const string V2UndeliveredServerOutage = "UNDELIVERED_SERVER_OUTAGE";
    public const string V2UndeliveredOther = "UNDELIVERED_OTHER";

    public static IReadOnlyList<string> All { get; } =
        [Delivered, QualityIssue, WrongItem, ServerOutage, InGameCurrencyChange, Other];

    public static string ToWire(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => Delivered,
        DeliveryStatus.QualityIssue => QualityIssue,
        DeliveryStatus.WrongItem => WrongItem,
        DeliveryStatus.ServerOutage => ServerOutage,
        DeliveryStatus.InGameCurrencyChange => InGameCurrencyChange,
        DeliveryStatus.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="status"/> is the default.</summary>
    public static bool TryParse(string? name, out DeliveryStatus status)
    {
        DeliveryStatus? parsed = name switch
        {
            Delivered => DeliveryStatus.Delivered,
            QualityIssue => DeliveryStatus.QualityIssue,
            WrongItem => DeliveryStatus.WrongItem,
            ServerOutage => DeliveryStatus.ServerOutage,
            InGameCurrencyChange => DeliveryStatus.InGameCurrencyChange,
            Other => DeliveryStatus.Other,
            _ => null,
        };
        status = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>Apple's V1 <c>deliveryStatus</c>: 0 delivered and working … 5 other.</summary>
    public static int ToV1Code(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => 0,
        DeliveryStatus.QualityIssue => 1,
        DeliveryStatus.WrongItem => 2,
        DeliveryStatus.ServerOutage => 3,
        DeliveryStatus.InGameCurrencyChange => 4,
        DeliveryStatus.Other => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Apple's V2 <c>deliveryStatus</c>; V2 has no in-game currency change, so it is <c>UNDELIVERED_OTHER</c>.</summary>
    public static string ToV2(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => V2Delivered,
        DeliveryStatus.QualityIssue => V2UndeliveredQualityIssue,
        DeliveryStatus.WrongItem => V2UndeliveredWrongItem,
        DeliveryStatus.ServerOutage => V2UndeliveredServerOutage,
        DeliveryStatus.InGameCurrencyChange or DeliveryStatus.Other => V2UndeliveredOther,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static DeliveryStatus Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown DeliveryStatus name '{name}'.");
}
