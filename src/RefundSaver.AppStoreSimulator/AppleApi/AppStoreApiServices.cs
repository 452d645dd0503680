using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Notifications;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>What the test-notification endpoints need.</summary>
public sealed record AppStoreApiServices(
    ApiAuthenticator Authenticator,
    AppleAnswers Answers,
    NotificationFactory Notifications,
    NotificationDelivery Delivery,
    TestNotificationStore TestNotifications,
    SimulatorIds Ids,
    TimeProvider Time);
