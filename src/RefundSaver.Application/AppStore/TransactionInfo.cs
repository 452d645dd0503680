using System.Text.Json;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

/// <summary>The fields of a verified <c>JWSTransactionDecodedPayload</c> that the ledger keeps.</summary>
public sealed record TransactionInfo(
    string TransactionId,
    string OriginalTransactionId,
    string? BundleId,
    string? ProductId,
    string? Type,
    long? Price,
    string? Currency,
    DateTimeOffset? PurchaseDate,
    DateTimeOffset? ExpiresDate,
    DateTimeOffset? RevocationDate,
    int? RevocationReason,
    string? RevocationType,
    Guid? AppAccountToken,
    string? Storefront,
    int? OfferType,
    string? OfferDiscountType,
    AppStoreEnvironment? Environment,
    DateTimeOffset? SignedDate)
{
    /// <summary>Null when the payload lacks a transaction id.</summary>
    public static TransactionInfo? From(JsonElement payload)
    {
        var transactionId = payload.GetStringOrNull("transactionId");
        if (transactionId is null)
        {
            return null;
        }

        return new TransactionInfo(
            transactionId,
            payload.GetStringOrNull("originalTransactionId") ?? transactionId,
            payload.GetStringOrNull("bundleId"),
            payload.GetStringOrNull("productId"),
            payload.GetStringOrNull("type"),
            payload.GetInt64OrNull("price"),
            payload.GetStringOrNull("currency"),
            payload.GetDateOrNull("purchaseDate"),
            payload.GetDateOrNull("expiresDate"),
            payload.GetDateOrNull("revocationDate"),
            (int?)payload.GetInt64OrNull("revocationReason"),
            payload.GetStringOrNull("revocationType"),
            Guid.TryParse(payload.GetStringOrNull("appAccountToken"), out var token) ? token : null,
            payload.GetStringOrNull("storefront"),
            (int?)payload.GetInt64OrNull("offerType"),
            payload.GetStringOrNull("offerDiscountType"),
            AppStoreEnvironmentNames.TryParse(payload.GetStringOrNull("environment"), out var environment) ? environment : null,
            payload.GetDateOrNull("signedDate"));
    }
}
