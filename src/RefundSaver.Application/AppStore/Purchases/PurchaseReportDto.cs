using RefundSaver.Domain.AppStore;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Application.AppStore.Purchases;

/// <summary>A purchase's report as the backend sees it: the consumption in percent (Apple's thousandths / 1000).</summary>
public sealed record PurchaseReportDto(string TransactionId, decimal? ConsumptionPercentage, string? DeliveryStatus)
{
    public static PurchaseReportDto From(PurchaseReport report) => new(
        report.TransactionId,
        report.ConsumptionPercentage is { } thousandths ? thousandths / PurchaseReportRules.ThousandthsPerPercent : null,
        report.DeliveryStatus?.ToWire());
}
