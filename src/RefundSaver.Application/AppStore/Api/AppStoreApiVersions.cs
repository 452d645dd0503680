namespace RefundSaver.Application.AppStore.Api;

/// <summary>The versions of Send Consumption Information, as they appear in its path.</summary>
public static class AppStoreApiVersions
{
    /// <summary>Send Consumption Information V1 (seed 001): the numeric fields.</summary>
    public const string V1 = "v1";

    /// <summary>Send Consumption Information (Apple's current one): <c>deliveryStatus</c>, <c>consumptionPercentage</c>, <c>refundPreference</c> strings.</summary>
    public const string V2 = "v2";
}
