using System.Text.Json;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Apple's rules for ConsumptionRequest (Send Consumption Information, V2): <c>customerConsented</c>
/// true, <c>deliveryStatus</c> and <c>sampleContentProvided</c> required, <c>refundPreference</c>
/// optional; <c>consumptionPercentage</c> optional, 0–100000, never for auto-renewable subscriptions,
/// 0 when not delivered, and above 0 and below 100000 with <c>GRANT_PRORATED</c> (other types than
/// auto-renewable subscriptions, whose consumption Apple computes).
/// </summary>
public static class ConsumptionRequestValidator
{
    public const string Delivered = "DELIVERED";
    public const string GrantProrated = "GRANT_PRORATED";

    public static readonly IReadOnlyList<string> DeliveryStatuses =
        [Delivered, "UNDELIVERED_QUALITY_ISSUE", "UNDELIVERED_WRONG_ITEM", "UNDELIVERED_SERVER_OUTAGE", "UNDELIVERED_OTHER"];

    public static readonly IReadOnlyList<string> RefundPreferences = ["DECLINE", "GRANT_FULL", GrantProrated];

    public const long MaximumPercentage = 100_000;

    public static AppleError? Validate(JsonElement body, ProductType type)
    {
        if (!JsonFields.IsTrue(body, "customerConsented"))
        {
            return AppleErrors.InvalidCustomerConsented;
        }

        if (!JsonFields.TryGetString(body, "deliveryStatus", out var deliveryStatus) || !DeliveryStatuses.Contains(deliveryStatus))
        {
            return AppleErrors.InvalidDeliveryStatus;
        }

        if (!JsonFields.IsBoolean(body, "sampleContentProvided"))
        {
            return AppleErrors.InvalidSampleContentProvided;
        }

        string? refundPreference = null;
        if (JsonFields.IsPresent(body, "refundPreference")
            && (!JsonFields.TryGetString(body, "refundPreference", out refundPreference) || !RefundPreferences.Contains(refundPreference)))
        {
            return AppleErrors.InvalidRefundPreference;
        }

        return ValidatePercentage(body, type, deliveryStatus, refundPreference);
    }

    private static AppleError? ValidatePercentage(JsonElement body, ProductType type, string deliveryStatus, string? refundPreference)
    {
        var hasPercentage = JsonFields.IsPresent(body, "consumptionPercentage");
        if (type == ProductType.AutoRenewableSubscription)
        {
            return hasPercentage ? AppleErrors.ConsumptionPercentageAutoRenewableSubscription : null;
        }

        long percentage = 0;
        if (hasPercentage && (!JsonFields.TryGetInteger(body, "consumptionPercentage", out percentage) || percentage is < 0 or > MaximumPercentage))
        {
            return AppleErrors.ConsumptionPercentageOutOfRange;
        }

        if (deliveryStatus != Delivered && percentage != 0)
        {
            return AppleErrors.UndeliveredConsumptionPercentageNonZero;
        }

        if (refundPreference == GrantProrated && (!hasPercentage || percentage is <= 0 or >= MaximumPercentage))
        {
            return AppleErrors.ConsumptionPercentageOutOfRange;
        }

        return null;
    }
}
