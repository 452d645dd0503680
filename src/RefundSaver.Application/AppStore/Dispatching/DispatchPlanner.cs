using System.Text.Json;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>
/// Decides what becomes of a consumption request: the rules of DESIGN §2 (consent, Refund Saver
/// switched on, manual review, the preference and the body) applied to what is known right now.
/// </summary>
public sealed class DispatchPlanner(UsdRates rates)
{
    /// <summary>A held request is sent at the latest this long before Apple's deadline.</summary>
    public static readonly TimeSpan SendMargin = TimeSpan.FromHours(1);

    /// <summary>How long to wait before looking again at a request that cannot be sent yet.</summary>
    public static readonly TimeSpan CredentialsRecheck = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The plan when the request is not to be sent now (expire, skip, hold or wait), decided from the
    /// request, its app and its customer alone; null when it is to be sent, and only then does the
    /// body need the rest of the context (the report, the purchase history, earlier requests).
    /// </summary>
    public static DispatchPlan? WithoutSending(DispatchContext context, DateTimeOffset now)
    {
        var request = context.Request;
        var app = context.App;
        if (now >= request.Deadline)
        {
            return new DispatchPlan.Expire("Apple's 12 hours ran out before an answer was accepted.");
        }

        // Before consent: an erased customer is no one whose default could be applied.
        if (context.CustomerErased)
        {
            return new DispatchPlan.Skip(ErasedReason);
        }

        if (!app.RefundSaverEnabled)
        {
            return new DispatchPlan.Skip("Refund Saver is switched off for this app.");
        }

        if (!Consent.Resolve(context.Profile?.Consent, app.ConsentDefault))
        {
            return new DispatchPlan.Skip(NoConsentReason(context));
        }

        if (request.State == ConsumptionRequestState.Received && app.ReviewDelayMinutes is > 0 and var minutes)
        {
            var until = Min(request.CreatedAt.AddMinutes(minutes), request.Deadline - SendMargin);
            if (until > now)
            {
                return new DispatchPlan.Hold(until);
            }
        }

        if (request.State == ConsumptionRequestState.Held && request.DueAt > now)
        {
            return new DispatchPlan.Hold(request.DueAt);
        }

        if (!app.HasAppStoreCredentials)
        {
            return new DispatchPlan.Wait(now + CredentialsRecheck, "The app has no App Store API key yet (PATCH app_store_credentials).");
        }

        return null;
    }

    public DispatchPlan Plan(DispatchContext context, DateTimeOffset now)
    {
        if (WithoutSending(context, now) is { } notNow)
        {
            return notNow;
        }

        var app = context.App;
        var facts = Facts(context, now);
        var decision = Preference(context, facts);
        var body = app.ConsumptionApiVersion == ConsumptionApiVersion.V1
            ? JsonSerializer.Serialize(ConsumptionBodies.BuildV1(facts, decision.Preference))
            : JsonSerializer.Serialize(ConsumptionBodies.BuildV2(facts, decision.Preference));
        return new DispatchPlan.Send(app.ConsumptionApiVersion.ToWire(), body, decision.Preference.ToWire(), decision.Source);
    }

    public ConsumptionFacts Facts(DispatchContext context, DateTimeOffset now)
    {
        var transaction = context.Transaction;
        var history = context.History;
        var purchaseDates = history.Select(purchase => purchase.PurchaseDate).OfType<DateTimeOffset>().ToList();
        DateTimeOffset? firstSeen = context.Profile?.CreatedAt;
        if (purchaseDates.Count > 0)
        {
            var firstPurchase = purchaseDates.Min();
            firstSeen = firstSeen is { } created && created < firstPurchase ? created : firstPurchase;
        }

        return new ConsumptionFacts
        {
            AnsweredAt = now,
            ProductType = ProductTypeNames.TryParseApple(transaction?.Type, out var type) ? type : null,
            CustomerFirstSeen = firstSeen,
            PlayTime = context.Profile?.PlayTimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            ReportedConsumptionPercentage = context.Report?.ConsumptionPercentage,
            ReportedDelivery = context.Report?.DeliveryStatus,
            ReportedUserStatus = context.Profile?.AccountStatus,
            PurchaseDate = transaction?.PurchaseDate,
            ExpiresDate = transaction?.ExpiresDate,
            FreeTrialInHistory = history.Any(IsFreeTrial),
            SampleContentProvidedDefault = context.App.SampleContentProvided,
            LifetimePurchasedUsd = history.Count == 0 ? null : SumUsd(history),
            LifetimeRefundedUsd = history.Count == 0 ? null : SumUsd(history.Where(purchase => purchase.Refunded)),
            AppAccountToken = transaction?.AppAccountToken ?? context.Profile?.AppAccountToken ?? context.Profile?.Id,
        };
    }

    private static PreferenceDecision Preference(DispatchContext context, ConsumptionFacts facts)
    {
        if (RefundPreferenceNames.TryParse(context.Request.ManualPreference, out var manual))
        {
            return new PreferenceDecision(manual, "operator");
        }

        return PreferenceResolver.Resolve(new PreferenceInputs
        {
            ProfilePreference = context.Profile?.CustomPreference,
            Policy = context.App.RefundPolicy,
            Rules = context.App.Rules,
            Facts = RuleFacts.From(facts, context.Request.Reason, context.Transaction?.ProductId, context.Transaction?.Storefront),
            EarlierRequestsForTransaction = context.EarlierRequestsForTransaction,
            EarlierRequestsForCustomer = context.EarlierRequestsForCustomer,
        });
    }

    /// <summary>Apple's free introductory offer: offer type 1 with a free-trial discount.</summary>
    private static bool IsFreeTrial(CustomerPurchase purchase) =>
        purchase.OfferType == 1 && string.Equals(purchase.OfferDiscountType, "FREE_TRIAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Purchases in a currency the rate table lacks count as nothing rather than as a guess.</summary>
    private decimal SumUsd(IEnumerable<CustomerPurchase> purchases) =>
        purchases.Sum(purchase => purchase is { Price: { } price, Currency: { } currency } && rates.TryToUsd(price, currency, out var usd) ? usd : 0m);

    public const string ErasedReason = "The customer's profile was deleted: nothing about an erased customer is sent to Apple.";

    private static string NoConsentReason(DispatchContext context) => context.Profile switch
    {
        null => $"No consent: no profile is known for this purchase, and the app's consent default is {context.App.ConsentDefault.ToWire()}.",
        { Consent: false } => "No consent: the customer declined.",
        _ => $"No consent: the customer has not answered, and the app's consent default is {context.App.ConsentDefault.ToWire()}.",
    };

    private static DateTimeOffset Min(DateTimeOffset left, DateTimeOffset right) => left < right ? left : right;
}
