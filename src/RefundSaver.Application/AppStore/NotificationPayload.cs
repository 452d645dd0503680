using System.Collections.Immutable;
using System.Text.Json;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// A verified <c>responseBodyV2DecodedPayload</c>. Most types carry <c>data</c>; some carry
/// <c>summary</c>, <c>externalPurchaseToken</c> or <c>appData</c> instead, and the app is named there.
/// </summary>
public sealed record NotificationPayload(
    string NotificationType,
    string? Subtype,
    Guid NotificationUuid,
    DateTimeOffset SignedDate,
    string? BundleId,
    long? AppAppleId,
    AppStoreEnvironment Environment,
    string? SignedTransactionInfo,
    string? SignedRenewalInfo,
    string? ConsumptionRequestReason)
{
    /// <summary>The sections that may name the app and its environment, in the order they are read.</summary>
    public static ImmutableArray<string> AppSections { get; } = ["data", "summary", "externalPurchaseToken", "appData"];

    public static NotificationPayload? From(JsonElement payload)
    {
        var type = payload.GetStringOrNull("notificationType");
        var signedDate = payload.GetDateOrNull("signedDate");
        if (type is null || signedDate is null || UuidOf(payload) is not { } uuid)
        {
            return null;
        }

        var data = payload.GetObjectOrNull("data");
        return new NotificationPayload(
            type,
            payload.GetStringOrNull("subtype"),
            uuid,
            signedDate.Value,
            BundleIdOf(payload),
            FromSections(payload, section => section.GetInt64OrNull("appAppleId")),
            // A section without an environment is taken as Production: the stricter checks apply.
            AppStoreEnvironmentNames.TryParse(FromSections(payload, section => section.GetStringOrNull("environment")), out var environment)
                ? environment.Value
                : AppStoreEnvironment.Production,
            data?.GetStringOrNull("signedTransactionInfo"),
            data?.GetStringOrNull("signedRenewalInfo"),
            data?.GetStringOrNull("consumptionRequestReason"));
    }

    public static Guid? UuidOf(JsonElement payload) =>
        Guid.TryParse(payload.GetStringOrNull("notificationUUID"), out var uuid) ? uuid : null;

    public static string? BundleIdOf(JsonElement payload) => FromSections(payload, section => section.GetStringOrNull("bundleId"));

    private static T? FromSections<T>(JsonElement payload, Func<JsonElement, T?> read) =>
        AppSections
            .Select(name => payload.GetObjectOrNull(name))
            .Where(section => section is not null)
            .Select(section => read(section!.Value))
            .FirstOrDefault(value => value is not null);
}
