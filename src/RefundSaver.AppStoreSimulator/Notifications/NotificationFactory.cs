using System.Globalization;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications.Payloads;
using RefundSaver.AppStoreSimulator.Signing;

namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>Builds and signs notifications exactly as App Store Server Notifications V2 sends them.</summary>
public sealed class NotificationFactory(SigningIdentity signing, SimulatorIds ids, TimeProvider time)
{
    /// <summary>The subscription <c>status</c> values Apple uses in <c>data</c>.</summary>
    public const int StatusActive = 1;
    public const int StatusRevoked = 5;

    /// <summary>The signed transaction (<c>signedTransactionInfo</c>) as it stands now.</summary>
    public string SignTransaction(TransactionSnapshot snapshot) => signing.Signer.Sign(TransactionPayloadOf(snapshot, time.GetUtcNow()));

    public NotificationRecord Create(
        SimulatedApp app,
        AppStoreEnvironment environment,
        string notificationType,
        string? subtype = null,
        TransactionSnapshot? transaction = null,
        string? consumptionRequestReason = null)
    {
        var now = time.GetUtcNow();
        var uuid = ids.NewGuid().ToString();
        var environmentName = environment.ToString();
        var data = new NotificationData
        {
            AppAppleId = environment == AppStoreEnvironment.Production ? app.AppAppleId : null,
            BundleId = app.BundleId,
            BundleVersion = app.BundleVersion,
            Environment = environmentName,
            SignedTransactionInfo = transaction is null ? null : signing.Signer.Sign(TransactionPayloadOf(transaction, now)),
            SignedRenewalInfo = transaction is { Transaction.Type: ProductType.AutoRenewableSubscription }
                ? signing.Signer.Sign(RenewalInfoOf(transaction, now))
                : null,
            Status = transaction is { Transaction.Type: ProductType.AutoRenewableSubscription }
                ? transaction.RefundState == RefundState.Refunded ? StatusRevoked : StatusActive
                : null,
            ConsumptionRequestReason = consumptionRequestReason,
        };
        var payload = new NotificationPayload
        {
            NotificationType = notificationType,
            Subtype = subtype,
            NotificationUuid = uuid,
            Data = data,
            SignedDate = now.ToUnixTimeMilliseconds(),
        };
        return new NotificationRecord(
            uuid,
            app.BundleId,
            environmentName,
            notificationType,
            subtype,
            transaction?.Transaction.TransactionId,
            signing.Signer.Sign(payload),
            app.NotificationUrl,
            now);
    }

    private static TransactionPayload TransactionPayloadOf(TransactionSnapshot snapshot, DateTimeOffset signedAt)
    {
        var transaction = snapshot.Transaction;
        var details = transaction.Details;
        return new TransactionPayload
        {
            TransactionId = transaction.TransactionId,
            OriginalTransactionId = transaction.OriginalTransactionId,
            BundleId = transaction.BundleId,
            ProductId = details.ProductId,
            PurchaseDate = details.PurchaseDate.ToUnixTimeMilliseconds(),
            OriginalPurchaseDate = details.PurchaseDate.ToUnixTimeMilliseconds(),
            ExpiresDate = details.ExpiresDate?.ToUnixTimeMilliseconds(),
            Type = ProductTypes.Name(details.Type),
            AppAccountToken = details.AppAccountToken?.ToString("D", CultureInfo.InvariantCulture),
            InAppOwnershipType = details.FamilyShared ? "FAMILY_SHARED" : "PURCHASED",
            SignedDate = signedAt.ToUnixTimeMilliseconds(),
            RevocationReason = snapshot.RevocationReason,
            RevocationDate = snapshot.RevocationDate?.ToUnixTimeMilliseconds(),
            RevocationType = snapshot.RevocationType,
            RevocationPercentage = snapshot.RevocationPercentage,
            OfferType = details.OfferType,
            OfferDiscountType = details.OfferDiscountType,
            Environment = details.Environment.ToString(),
            TransactionReason = "PURCHASE",
            Storefront = details.Storefront,
            Price = details.Price,
            Currency = details.Currency,
        };
    }

    private static RenewalInfoPayload RenewalInfoOf(TransactionSnapshot snapshot, DateTimeOffset signedAt)
    {
        var transaction = snapshot.Transaction;
        var details = transaction.Details;
        return new RenewalInfoPayload
        {
            OriginalTransactionId = transaction.OriginalTransactionId,
            AutoRenewProductId = details.ProductId,
            ProductId = details.ProductId,
            AutoRenewStatus = snapshot.RefundState == RefundState.Refunded ? 0 : 1,
            SignedDate = signedAt.ToUnixTimeMilliseconds(),
            Environment = details.Environment.ToString(),
            RecentSubscriptionStartDate = details.PurchaseDate.ToUnixTimeMilliseconds(),
            RenewalDate = details.ExpiresDate?.ToUnixTimeMilliseconds(),
            RenewalPrice = details.Price,
            Currency = details.Currency,
        };
    }
}
