namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>The notification types and subtypes the simulator sends, as Apple spells them.</summary>
public static class NotificationTypes
{
    public const string OneTimeCharge = "ONE_TIME_CHARGE";
    public const string Subscribed = "SUBSCRIBED";
    public const string InitialBuy = "INITIAL_BUY";
    public const string ConsumptionRequest = "CONSUMPTION_REQUEST";
    public const string Refund = "REFUND";
    public const string RefundDeclined = "REFUND_DECLINED";
    public const string Test = "TEST";
}
