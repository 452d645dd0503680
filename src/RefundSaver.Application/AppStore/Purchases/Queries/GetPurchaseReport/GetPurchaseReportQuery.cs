using Mediator;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Purchases.Queries.GetPurchaseReport;

public sealed record GetPurchaseReportQuery(Guid AppId, string? TransactionId) : IRequest<Result<PurchaseReportDto>>;
