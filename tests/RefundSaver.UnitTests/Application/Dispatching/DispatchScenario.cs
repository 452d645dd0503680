using System.Text.Json;
using RefundSaver.Application.AppStore.Dispatching;
using RefundSaver.Domain.Apps;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Application.Dispatching;

/// <summary>
/// One consumption request and what the dispatcher knows about it, for the planner's tests: a consumable,
/// an app answering with its defaults (V2, always_decline) and App Store credentials, a consenting profile.
/// </summary>
internal static class DispatchScenario
{
    /// <summary>When Apple signed the notification; the deadline is 12 hours later.</summary>
    public static readonly DateTimeOffset Signed = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Created = Signed.AddSeconds(3);

    public static readonly DateTimeOffset Deadline = ConsumptionRequest.DeadlineFor(Signed);

    /// <summary>A dispatcher looks at the request a minute after it arrived.</summary>
    public static readonly DateTimeOffset Now = Created.AddMinutes(1);

    public const string TransactionId = "2000000912345678";

    /// <summary>USD is 1; EUR is 1.10 USD; any other currency is unknown.</summary>
    public static readonly UsdRates Rates = new(new Dictionary<string, decimal> { ["EUR"] = 1.10m });

    public static DispatchPlanner Planner { get; } = new(Rates);

    public static ConsumptionRequest Request(
        ConsumptionRequestState state = ConsumptionRequestState.Received,
        DateTimeOffset? dueAt = null,
        string? manualPreference = null,
        string? reason = "UNINTENDED_PURCHASE") =>
        EntityBuilder.Create<ConsumptionRequest>()
            .With(nameof(ConsumptionRequest.Id), Guid.CreateVersion7(Created))
            .With(nameof(ConsumptionRequest.TransactionId), TransactionId)
            .With(nameof(ConsumptionRequest.OriginalTransactionId), TransactionId)
            .With(nameof(ConsumptionRequest.Environment), AppStoreEnvironment.Production)
            .With(nameof(ConsumptionRequest.Reason), reason)
            .With(nameof(ConsumptionRequest.State), state)
            .With(nameof(ConsumptionRequest.RequestedAt), Signed)
            .With(nameof(ConsumptionRequest.Deadline), Deadline)
            .With(nameof(ConsumptionRequest.CreatedAt), Created)
            .With(nameof(ConsumptionRequest.UpdatedAt), Created)
            .With(nameof(ConsumptionRequest.DueAt), dueAt ?? Created)
            .With(nameof(ConsumptionRequest.ManualPreference), manualPreference);

    /// <summary>An app with App Store credentials, changed by <paramref name="configuration"/> when given.</summary>
    public static App NewApp(RefundSaverConfiguration? configuration = null, bool withCredentials = true)
    {
        var app = App.Create("Dungeon Quest", "com.example.dungeon", Signed.AddDays(-400));
        if (configuration is not null)
        {
            app.ConfigureRefundSaver(configuration);
        }

        if (withCredentials)
        {
            app.SetAppStoreCredentials("57246542-96fe-1a63-e053-0824d011072a", "2X9R4HXF34", "sealed-private-key");
        }

        return app;
    }

    public static Profile NewProfile(
        App app,
        bool? consent = true,
        CustomPreference? customPreference = null,
        DateTimeOffset? createdAt = null)
    {
        // Settings are changed in SQL only (RefundSaverSettingsStore), so they are set here as a row would load them.
        return Profile.CreateForCustomer(app.Id, "customer-42", createdAt ?? Signed.AddDays(-20))
            .With(nameof(Profile.Consent), consent)
            .With(nameof(Profile.CustomPreference), customPreference);
    }

    public static AppStoreTransaction Transaction(
        App app,
        string type = ProductTypeNames.AppleConsumable,
        Guid? appAccountToken = null,
        DateTimeOffset? purchaseDate = null,
        DateTimeOffset? expiresDate = null) =>
        EntityBuilder.Create<AppStoreTransaction>()
            .With(nameof(AppStoreTransaction.AppId), app.Id)
            .With(nameof(AppStoreTransaction.TransactionId), TransactionId)
            .With(nameof(AppStoreTransaction.OriginalTransactionId), TransactionId)
            .With(nameof(AppStoreTransaction.ProductId), "com.example.dungeon.gems100")
            .With(nameof(AppStoreTransaction.Type), type)
            .With(nameof(AppStoreTransaction.Price), 4990L)
            .With(nameof(AppStoreTransaction.Currency), "USD")
            .With(nameof(AppStoreTransaction.PurchaseDate), purchaseDate ?? Signed.AddDays(-2))
            .With(nameof(AppStoreTransaction.ExpiresDate), expiresDate)
            .With(nameof(AppStoreTransaction.AppAccountToken), appAccountToken)
            .With(nameof(AppStoreTransaction.Storefront), "USA")
            .With(nameof(AppStoreTransaction.Environment), AppStoreEnvironment.Production)
            .With(nameof(AppStoreTransaction.SignedDate), Signed)
            .With(nameof(AppStoreTransaction.UpdatedAt), Signed);

    /// <summary>A received request of a consenting customer's consumable, for an app with the given configuration.</summary>
    public static DispatchContext Context(RefundSaverConfiguration? configuration = null)
    {
        var app = NewApp(configuration);
        return new DispatchContext
        {
            Request = Request(),
            App = app,
            Transaction = Transaction(app),
            Profile = NewProfile(app),
        };
    }

    public static CustomerPurchase Purchase(
        long? price,
        string? currency,
        DateTimeOffset? purchaseDate = null,
        bool refunded = false,
        int? offerType = null,
        string? offerDiscountType = null) =>
        new(price, currency, purchaseDate ?? Signed.AddDays(-2), refunded, offerType, offerDiscountType);

    public static DispatchPlan.Send ShouldSend(this DispatchPlan plan) => plan.ShouldBeOfType<DispatchPlan.Send>();

    /// <summary>The JSON body that would be sent, parsed.</summary>
    public static JsonElement Body(this DispatchPlan.Send send) => JsonSerializer.Deserialize<JsonElement>(send.Body);

    public static IReadOnlyList<string> FieldNames(this JsonElement body) =>
        [.. body.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];
}
