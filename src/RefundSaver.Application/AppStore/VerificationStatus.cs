namespace RefundSaver.Application.AppStore;

public enum VerificationStatus
{
    /// <summary>Signed by the App Store: the payload can be trusted.</summary>
    Verified,

    /// <summary>Malformed, forged, or not chained to a trusted root: refuse it.</summary>
    Invalid,

    /// <summary>Could not be decided now (an online revocation check did not complete): ask Apple to retry.</summary>
    Unavailable,
}
