using RefundSaver.Domain.AppStore;

namespace RefundSaver.Application.AppStore;

public static class NotificationTypes
{
    public const string ConsumptionRequest = "CONSUMPTION_REQUEST";
    public const string Refund = "REFUND";
    public const string RefundDeclined = "REFUND_DECLINED";
    public const string RefundReversed = "REFUND_REVERSED";

    public static RefundOutcome? OutcomeOf(string notificationType) => notificationType switch
    {
        Refund => RefundOutcome.Refunded,
        RefundDeclined => RefundOutcome.Declined,
        RefundReversed => RefundOutcome.Reversed,
        _ => null,
    };
}
