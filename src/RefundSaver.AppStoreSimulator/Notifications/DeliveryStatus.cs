namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>Where a notification's delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet; another attempt is coming.</summary>
    Pending,

    /// <summary>An attempt got a 200.</summary>
    Delivered,

    /// <summary>Every attempt failed (in Sandbox: the only one).</summary>
    Failed,

    /// <summary>The app has no notification URL: recorded, never sent.</summary>
    NotSent,
}
