using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Domain.AppStore;

/// <summary>What the app's backend reported about one purchase: how much of it was used, and whether it arrived.</summary>
public sealed class PurchaseReport
{
    private PurchaseReport(Guid appId, string transactionId)
    {
        AppId = appId;
        TransactionId = transactionId;
    }

    public Guid AppId { get; private set; }

    public string TransactionId { get; private set; }

    /// <summary>Thousandths of a percent (0–100000), as Apple counts them.</summary>
    public int? ConsumptionPercentage { get; private set; }

    /// <summary>Null means delivered and working.</summary>
    public DeliveryStatus? DeliveryStatus { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PurchaseReport Create(Guid appId, string transactionId) => new(appId, transactionId.Trim());

    /// <summary>A left-out report is kept; an explicit null forgets it.</summary>
    public void Report(Optional<int?> consumptionPercentage, Optional<DeliveryStatus?> deliveryStatus, DateTimeOffset now)
    {
        ConsumptionPercentage = consumptionPercentage.GetValueOr(ConsumptionPercentage);
        DeliveryStatus = deliveryStatus.GetValueOr(DeliveryStatus);
        UpdatedAt = now;
    }
}
