namespace RefundSaver.Infrastructure.AppStore;

/// <summary>Configuration <c>AppStore:Verification</c>: how App Store signed payloads are verified.</summary>
internal sealed class AppStoreVerificationOptions
{
    public const string Section = "AppStore:Verification";

    /// <summary>
    /// Check the chain's revocation online (OCSP/CRL) at the current time; when off, the chain is
    /// verified offline at the payload's <c>signedDate</c>.
    /// </summary>
    public bool OnlineRevocationChecks { get; set; }

    /// <summary>How long a validated certificate chain is reused; 0 validates every payload's chain.</summary>
    public int ChainCacheMinutes { get; set; } = 15;

    /// <summary>
    /// PEM certificates every app trusts besides Apple Root CA - G3: the root of a local App Store
    /// stand-in, say. Per-app roots are set through the admin API.
    /// </summary>
    public List<string> ExtraTrustedRoots { get; set; } = [];
}
