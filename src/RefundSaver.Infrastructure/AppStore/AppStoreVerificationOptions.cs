namespace RefundSaver.Infrastructure.AppStore;

/// <summary>Configuration <c>AppStore:Verification</c>: how App Store signed payloads are verified.</summary>
internal sealed class AppStoreVerificationOptions
{
    public const string Section = "AppStore:Verification";
    public const string AllowExtraRootsInProductionSetting = $"{Section}:{nameof(AllowExtraRootsInProduction)}";
    public const string ExtraTrustedRootsSetting = $"{Section}:{nameof(ExtraTrustedRoots)}";

    /// <summary>
    /// Check the chain's revocation online (OCSP/CRL) at the current time; when off, the chain is
    /// verified offline at the payload's <c>signedDate</c>.
    /// </summary>
    public bool OnlineRevocationChecks { get; set; }

    /// <summary>How long a validated certificate chain is reused; 0 validates every payload's chain.</summary>
    public int ChainCacheMinutes { get; set; } = 15;

    /// <summary>
    /// PEM certificates every app trusts besides Apple Root CA - G3: the root of a local App Store
    /// stand-in, say. Per-app roots are set through the admin API. Both are trusted for Sandbox
    /// payloads only, unless <see cref="AllowExtraRootsInProduction"/> is set. Each must be a
    /// certificate authority, or the process does not start.
    /// </summary>
    public List<string> ExtraTrustedRoots { get; set; } = [];

    /// <summary>
    /// Also trust the extra roots (configured and per-app) for Production payloads. Off by default:
    /// a payload anchored at any root but Apple Root CA - G3 is accepted only when it says Sandbox,
    /// since whoever holds such a root's key (a local App Store stand-in, a test chain) could
    /// otherwise sign Production notifications for any app. Turn it on only where a stand-in plays
    /// Production on purpose: tests and benchmarks.
    /// </summary>
    public bool AllowExtraRootsInProduction { get; set; }
}
