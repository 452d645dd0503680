using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;
using RefundSaver.AppStoreSimulator.Recording;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>Refund requests, Apple's decisions and what RefundSaver answered (<c>/simulator/transactions</c>).</summary>
public static class TransactionsEndpoints
{
    public const string DefaultReason = "UNSATISFIED_WITH_PURCHASE";

    /// <summary>Apple's <c>consumptionRequestReason</c> values.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["UNINTENDED_PURCHASE", "FULFILLMENT_ISSUE", DefaultReason, "LEGAL", "OTHER"];

    /// <summary>Apple's <c>revocationReason</c>: 1 refunded because of an issue with the app, 0 for another reason.</summary>
    public const int RefundedDueToIssue = 1;
    public const int RefundedForOtherReason = 0;

    public static IEndpointRouteBuilder MapTransactions(this IEndpointRouteBuilder routes)
    {
        var transactions = routes.MapGroup("/simulator/transactions").WithTags("Simulator: transactions");
        transactions.MapGet("/{transactionId}", GetTransaction);
        transactions.MapPost("/{transactionId}/refund-request", RequestRefund);
        transactions.MapPost("/{transactionId}/decide", Decide);
        transactions.MapGet("/{transactionId}/consumption", ListConsumptionCalls);
        return routes;
    }

    public static Results<Ok<TransactionResponse>, NotFound<ControlError>> GetTransaction(
        string transactionId, TransactionStore transactions, NotificationFactory notifications)
    {
        if (!transactions.TryGet(transactionId, out var transaction))
        {
            return ControlResults.NotFound(NoSuchTransaction(transactionId));
        }

        var snapshot = transaction.Snapshot();
        var details = transaction.Details;
        return TypedResults.Ok(new TransactionResponse(
            transaction.TransactionId,
            transaction.OriginalTransactionId,
            transaction.BundleId,
            details.Environment.ToString(),
            details.ProductId,
            ProductTypes.Name(details.Type),
            details.Price,
            details.Currency,
            details.Storefront,
            details.PurchaseDate.ToUnixTimeMilliseconds(),
            details.ExpiresDate?.ToUnixTimeMilliseconds(),
            details.AppAccountToken?.ToString(),
            details.OfferType,
            details.OfferDiscountType,
            details.FamilyShared,
            snapshot.RefundState.ToString(),
            snapshot.RefundReason,
            snapshot.RevocationDate?.ToUnixTimeMilliseconds(),
            snapshot.RevocationReason,
            snapshot.RevocationType,
            snapshot.RevocationPercentage,
            notifications.SignTransaction(snapshot)));
    }

    public static Results<Accepted<RefundRequestedResponse>, BadRequest<ControlError>, NotFound<ControlError>, Conflict<ControlError>> RequestRefund(
        string transactionId, RefundRequestBody? body, [AsParameters] ControlServices services)
    {
        var reason = body?.Reason ?? DefaultReason;
        if (!Reasons.Contains(reason))
        {
            return ControlResults.BadRequest($"reason must be one of {string.Join(", ", Reasons)}, not \"{reason}\".");
        }

        if (!services.Transactions.TryGet(transactionId, out var transaction) || !services.Apps.TryGet(transaction.BundleId, out var app))
        {
            return ControlResults.NotFound(NoSuchTransaction(transactionId));
        }

        if (!transaction.TryRequestRefund(reason))
        {
            return ControlResults.Conflict($"Transaction {transactionId} is refunded already.");
        }

        var notification = services.Notifications.Create(
            app, transaction.Environment, NotificationTypes.ConsumptionRequest, transaction: transaction.Snapshot(), consumptionRequestReason: reason);
        services.Delivery.Publish(notification);
        return TypedResults.Accepted(
            $"/simulator/transactions/{transactionId}", new RefundRequestedResponse(transactionId, reason, notification.NotificationUuid));
    }

    public static Results<Ok<DecisionResponse>, BadRequest<ControlError>, NotFound<ControlError>, Conflict<ControlError>> Decide(
        string transactionId, DecideRequest request, [AsParameters] ControlServices services)
    {
        if (request.Outcome is not ("refund" or "decline"))
        {
            return ControlResults.BadRequest($"outcome must be \"refund\" or \"decline\", not \"{request.Outcome}\".");
        }

        if (request.RefundPercentage is { } percentage && (request.Outcome != "refund" || percentage is < 1 or > 99_999))
        {
            return ControlResults.BadRequest("refund_percentage (milliunits, 1 to 99999) goes with outcome \"refund\" only, for a prorated refund.");
        }

        if (!services.Transactions.TryGet(transactionId, out var transaction) || !services.Apps.TryGet(transaction.BundleId, out var app))
        {
            return ControlResults.NotFound(NoSuchTransaction(transactionId));
        }

        var reason = transaction.Snapshot().RefundReason;
        var decided = request.Outcome == "refund"
            ? transaction.TryRefund(
                services.Time.GetUtcNow(), reason == "FULFILLMENT_ISSUE" ? RefundedDueToIssue : RefundedForOtherReason, request.RefundPercentage)
            : transaction.TryDecline();
        if (!decided)
        {
            return ControlResults.Conflict(
                $"Transaction {transactionId} has no open refund request (it is {transaction.Snapshot().RefundState}); open one with POST /simulator/transactions/{transactionId}/refund-request.");
        }

        var type = request.Outcome == "refund" ? NotificationTypes.Refund : NotificationTypes.RefundDeclined;
        var notification = services.Notifications.Create(app, transaction.Environment, type, transaction: transaction.Snapshot());
        services.Delivery.Publish(notification);
        return TypedResults.Ok(new DecisionResponse(transactionId, request.Outcome, type, notification.NotificationUuid));
    }

    public static Results<Ok<ConsumptionCallsResponse>, NotFound<ControlError>> ListConsumptionCalls(
        string transactionId, TransactionStore transactions, ConsumptionLog log)
    {
        var calls = log.For(transactionId);
        if (calls.Count == 0 && !transactions.TryGet(transactionId, out _))
        {
            return ControlResults.NotFound(NoSuchTransaction(transactionId));
        }

        return TypedResults.Ok(new ConsumptionCallsResponse(
            transactionId,
            [
                .. calls.Select(call => new ConsumptionCallResponse(
                    call.ReceivedAt, call.ApiVersion, call.Environment, call.Body, call.RawBody, call.Status, call.ErrorCode, call.ErrorName)),
            ]));
    }

    private static string NoSuchTransaction(string transactionId) => $"No transaction {transactionId}.";
}
