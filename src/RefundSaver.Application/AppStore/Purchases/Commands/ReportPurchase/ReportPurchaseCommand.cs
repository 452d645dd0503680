using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;

/// <summary>
/// The backend reports how much of a purchase was used (percent, at most 3 decimals) and whether it
/// was delivered, which Apple's <c>consumptionPercentage</c>/<c>consumptionStatus</c> and
/// <c>deliveryStatus</c> come from. A left-out field is kept, an explicit null forgets it.
/// </summary>
public sealed record ReportPurchaseCommand(
    Guid AppId,
    string? TransactionId,
    Optional<decimal?> ConsumptionPercentage,
    Optional<string?> DeliveryStatus) : IRequest<Result<PurchaseReportDto>>;
