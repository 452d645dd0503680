using Mediator;
using Microsoft.EntityFrameworkCore;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Persistence;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;

/// <summary>
/// One report per app and transaction, created by the first report (which may come before Apple's
/// notification, so the ledger is not consulted) and changed by later ones. Only the columns that
/// change are written, so concurrent reports of different fields do not undo each other.
/// </summary>
internal sealed class ReportPurchaseCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<ReportPurchaseCommand, Result<PurchaseReportDto>>
{
    public async ValueTask<Result<PurchaseReportDto>> Handle(ReportPurchaseCommand request, CancellationToken cancellationToken)
    {
        var transactionId = request.TransactionId!;
        var consumption = request.ConsumptionPercentage.Map(percent =>
            percent is { } value ? PurchaseReportRules.ToThousandths(value) : (int?)null);
        var delivery = request.DeliveryStatus.Map(name =>
            DeliveryStatusNames.TryParse(name, out var parsed) ? parsed : (DeliveryStatus?)null);
        var now = clock.GetUtcNow();

        var report = await FindAsync(request.AppId, transactionId, cancellationToken);
        var isNew = report is null;
        report ??= db.PurchaseReports.Add(PurchaseReport.Create(request.AppId, transactionId)).Entity;
        report.Report(consumption, delivery, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueKeyViolationException exception) when (isNew)
        {
            // A concurrent first report of the transaction inserted it: report onto that one.
            db.PurchaseReports.Entry(report).State = EntityState.Detached;
            report = await FindAsync(request.AppId, transactionId, cancellationToken)
                ?? throw new InvalidOperationException("The report that won the unique key is gone.", exception);
            report.Report(consumption, delivery, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return PurchaseReportDto.From(report);
    }

    private Task<PurchaseReport?> FindAsync(Guid appId, string transactionId, CancellationToken cancellationToken) =>
        db.PurchaseReports.SingleOrDefaultAsync(
            report => report.AppId == appId && report.TransactionId == transactionId, cancellationToken);
}
