namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Whether a customer consented to share consumption data with Apple. Apple rejects a body whose
/// <c>customerConsented</c> is not true, and without consent nothing may be sent at all.
/// </summary>
public static class Consent
{
    /// <summary>An explicit true or false wins; null follows the app: opt_in means no, opt_out means yes.</summary>
    public static bool Resolve(bool? profileConsent, ConsentDefault appDefault) =>
        profileConsent ?? appDefault switch
        {
            ConsentDefault.OptIn => false,
            ConsentDefault.OptOut => true,
            _ => throw new ArgumentOutOfRangeException(nameof(appDefault), appDefault, null),
        };
}
