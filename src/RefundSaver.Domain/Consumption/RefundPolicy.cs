namespace RefundSaver.Domain.Consumption;

/// <summary>
/// An app's refund policy (Adapty's five): the preference sent to Apple when neither the profile nor
/// a rule picks one. <see cref="AlwaysDecline"/> is the default, so it is the enum's zero.
/// </summary>
public enum RefundPolicy
{
    AlwaysDecline,

    /// <summary>Per transaction: the first request for a transaction is declined, a repeat is granted.</summary>
    DeclineFirstThenGrant,

    /// <summary>Per customer: the customer's first request is granted, every later one declined.</summary>
    GrantFirstThenDecline,

    AlwaysGrant,
    NoPreference,
}
