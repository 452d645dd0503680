using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore.Purchases.Queries.GetPurchaseReport;

internal sealed class GetPurchaseReportQueryHandler(IApplicationDbContext db)
    : IRequestHandler<GetPurchaseReportQuery, Result<PurchaseReportDto>>
{
    public async ValueTask<Result<PurchaseReportDto>> Handle(GetPurchaseReportQuery request, CancellationToken cancellationToken)
    {
        var report = await db.PurchaseReports.AsNoTracking().SingleOrDefaultAsync(
            report => report.AppId == request.AppId && report.TransactionId == request.TransactionId, cancellationToken);
        return report is null ? PurchaseReportErrors.NotFound : PurchaseReportDto.From(report);
    }
}
