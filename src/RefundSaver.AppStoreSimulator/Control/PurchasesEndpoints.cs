using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>Customers buying: a transaction, and the notification Apple sends for it.</summary>
public static class PurchasesEndpoints
{
    /// <summary>9000-01-01: far enough, and a month can still be added.</summary>
    public const long MaximumDateMs = 221845392000000;

    public static readonly IReadOnlyList<string> OfferDiscountTypes = ["FREE_TRIAL", "PAY_AS_YOU_GO", "PAY_UP_FRONT", "ONE_TIME"];

    public static IEndpointRouteBuilder MapPurchases(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/simulator/apps/{bundleId}/purchases", CreatePurchase).WithTags("Simulator: purchases");
        return routes;
    }

    public static Results<Created<PurchaseResponse>, BadRequest<ControlError>, NotFound<ControlError>> CreatePurchase(
        string bundleId, CreatePurchaseRequest request, [AsParameters] ControlServices services)
    {
        if (!services.Apps.TryGet(bundleId, out var app))
        {
            return ControlResults.NotFound(AppsEndpoints.NoSuchApp(bundleId));
        }

        if (Check(request, app, services.Time.GetUtcNow(), out var details) is { } error)
        {
            return ControlResults.BadRequest(error);
        }

        var transaction = services.Transactions.Add(app, details);
        var (type, subtype) = details.Type == ProductType.AutoRenewableSubscription
            ? (NotificationTypes.Subscribed, NotificationTypes.InitialBuy)
            : (NotificationTypes.OneTimeCharge, (string?)null);
        var notification = services.Notifications.Create(app, details.Environment, type, subtype, transaction.Snapshot());
        services.Delivery.Publish(notification);
        return TypedResults.Created(
            $"/simulator/transactions/{transaction.TransactionId}",
            new PurchaseResponse(
                transaction.TransactionId,
                transaction.OriginalTransactionId,
                app.BundleId,
                details.Environment.ToString(),
                details.ProductId,
                ProductTypes.Name(details.Type),
                details.Price,
                details.Currency,
                details.Storefront,
                details.PurchaseDate.ToUnixTimeMilliseconds(),
                details.ExpiresDate?.ToUnixTimeMilliseconds(),
                details.AppAccountToken?.ToString("D", CultureInfo.InvariantCulture),
                notification.NotificationUuid,
                type,
                subtype));
    }

    /// <summary>The first problem with <paramref name="request"/>, or null and the purchase it describes.</summary>
    private static string? Check(CreatePurchaseRequest request, SimulatedApp app, DateTimeOffset now, out PurchaseDetails details)
    {
        details = null!;
        if (string.IsNullOrWhiteSpace(request.ProductId))
        {
            return "product_id is required (e.g. \"com.example.game.coins100\").";
        }

        if (!ProductTypes.TryParse(request.Type, out var type))
        {
            return $"type must be one of {string.Join(", ", ProductTypes.All.Select(name => $"\"{name}\""))}, not \"{request.Type}\".";
        }

        if (request.Price is not { } price || price < 0)
        {
            return "price is required: milliunits of the currency, 0 or more (e.g. 990 for 0.99).";
        }

        var currency = request.Currency ?? "USD";
        if (!IsUpperLetters(currency, 3))
        {
            return $"currency must be an ISO 4217 code of three capital letters (e.g. \"USD\"), not \"{currency}\".";
        }

        var storefront = request.Storefront ?? "USA";
        if (!IsUpperLetters(storefront, 3))
        {
            return $"storefront must be an ISO 3166-1 alpha-3 code of three capital letters (e.g. \"USA\"), not \"{storefront}\".";
        }

        Guid? appAccountToken = null;
        if (request.AppAccountToken is not null)
        {
            if (!Guid.TryParseExact(request.AppAccountToken, "D", out var token))
            {
                return $"app_account_token must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), not \"{request.AppAccountToken}\".";
            }

            appAccountToken = token;
        }

        if (request.OfferType is < 1 or > 4)
        {
            return "offer_type must be 1 (introductory), 2 (promotional), 3 (offer code) or 4 (win-back).";
        }

        if (request.OfferDiscountType is not null && !OfferDiscountTypes.Contains(request.OfferDiscountType))
        {
            return $"offer_discount_type must be one of {string.Join(", ", OfferDiscountTypes)}, not \"{request.OfferDiscountType}\".";
        }

        var environment = app.Environment;
        if (request.Environment is not null && !AppStoreEnvironments.TryParse(request.Environment, out environment))
        {
            return $"environment must be \"Sandbox\" or \"Production\", not \"{request.Environment}\".";
        }

        if (request.PurchaseDate is < 0 or > MaximumDateMs || request.ExpiresDate is < 0 or > MaximumDateMs)
        {
            return "purchase_date and expires_date are milliseconds since 1970-01-01 (UTC), before the year 9000.";
        }

        var purchaseDate = request.PurchaseDate is { } purchaseMs ? DateTimeOffset.FromUnixTimeMilliseconds(purchaseMs) : now;
        DateTimeOffset? expiresDate = request.ExpiresDate is { } expiresMs ? DateTimeOffset.FromUnixTimeMilliseconds(expiresMs) : null;
        if (expiresDate is not null && type is ProductType.Consumable or ProductType.NonConsumable)
        {
            return $"expires_date applies to subscriptions only, not to a {ProductTypes.Name(type)}.";
        }

        if (expiresDate <= purchaseDate)
        {
            return "expires_date must come after the purchase date.";
        }

        if (type == ProductType.AutoRenewableSubscription)
        {
            expiresDate ??= purchaseDate.AddMonths(1);
        }

        details = new PurchaseDetails(
            request.ProductId, type, price, currency, storefront, appAccountToken, request.OfferType, request.OfferDiscountType,
            purchaseDate, expiresDate, environment, request.FamilyShared ?? false);
        return null;
    }

    private static bool IsUpperLetters(string value, int length) => value.Length == length && value.All(char.IsAsciiLetterUpper);
}
