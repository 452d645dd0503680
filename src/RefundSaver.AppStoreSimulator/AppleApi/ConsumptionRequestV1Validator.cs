using System.Text.Json;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Apple's rules for ConsumptionRequestV1 (Send Consumption Information V1): every field is
/// required except <c>refundPreference</c>; each bad field answers with its own error code.
/// V1 takes consumables and auto-renewable subscriptions only.
/// </summary>
public static class ConsumptionRequestV1Validator
{
    public static AppleError? Validate(JsonElement body, ProductType type)
    {
        if (type is not (ProductType.Consumable or ProductType.AutoRenewableSubscription))
        {
            return AppleErrors.InvalidTransactionTypeNotSupported;
        }

        if (!JsonFields.IsTrue(body, "customerConsented"))
        {
            return AppleErrors.InvalidCustomerConsented;
        }

        return FirstFailure(
            (JsonFields.IsIntegerIn(body, "consumptionStatus", 0, 3), AppleErrors.InvalidConsumptionStatus),
            (JsonFields.IsIntegerIn(body, "platform", 0, 2), AppleErrors.InvalidPlatform),
            (JsonFields.IsBoolean(body, "sampleContentProvided"), AppleErrors.InvalidSampleContentProvided),
            (JsonFields.IsIntegerIn(body, "deliveryStatus", 0, 5), AppleErrors.InvalidDeliveryStatus),
            (IsAppAccountToken(body), AppleErrors.InvalidAppAccountToken),
            (JsonFields.IsIntegerIn(body, "accountTenure", 0, 7), AppleErrors.InvalidAccountTenure),
            (JsonFields.IsIntegerIn(body, "playTime", 0, 7), AppleErrors.InvalidPlayTime),
            (JsonFields.IsIntegerIn(body, "lifetimeDollarsPurchased", 0, 7), AppleErrors.InvalidLifetimeDollarsPurchased),
            (JsonFields.IsIntegerIn(body, "lifetimeDollarsRefunded", 0, 7), AppleErrors.InvalidLifetimeDollarsRefunded),
            (JsonFields.IsIntegerIn(body, "userStatus", 0, 4), AppleErrors.InvalidUserStatus),
            (!JsonFields.IsPresent(body, "refundPreference") || JsonFields.IsIntegerIn(body, "refundPreference", 0, 3), AppleErrors.InvalidRefundPreference));
    }

    /// <summary>A UUID, or an empty string when the app has none.</summary>
    private static bool IsAppAccountToken(JsonElement body) =>
        JsonFields.TryGetString(body, "appAccountToken", out var token) && (token.Length == 0 || Guid.TryParseExact(token, "D", out _));

    private static AppleError? FirstFailure(params (bool Valid, AppleError Error)[] checks) =>
        checks.FirstOrDefault(check => !check.Valid).Error;
}
