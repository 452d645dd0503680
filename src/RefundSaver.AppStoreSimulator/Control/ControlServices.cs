using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary>What the purchase and transaction endpoints need.</summary>
public sealed record ControlServices(
    AppRegistry Apps,
    TransactionStore Transactions,
    NotificationFactory Notifications,
    NotificationDelivery Delivery,
    TimeProvider Time);
