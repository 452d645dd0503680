namespace RefundSaver.AppStoreSimulator.Signing;

/// <summary>How a generated <see cref="SigningChain"/> departs from a valid App Store-like chain (tests of verifiers use every option).</summary>
public sealed record SigningChainOptions
{
    /// <summary>The time validity is centred on; the wall clock when unset.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Whether the leaf carries Apple's receipt-signing OID 1.2.840.113635.100.6.11.1.</summary>
    public bool LeafHasAppleOid { get; init; } = true;

    /// <summary>Whether the intermediate carries Apple's WWDR OID 1.2.840.113635.100.6.2.1.</summary>
    public bool IntermediateHasAppleOid { get; init; } = true;

    /// <summary>Whether the intermediate's basic constraints make it a CA.</summary>
    public bool IntermediateIsCa { get; init; } = true;

    /// <summary>The leaf expired a day before <see cref="Now"/> (it was valid the 60 days before that).</summary>
    public bool LeafExpired { get; init; }

    /// <summary>A CRL distribution point put in the leaf, for online revocation tests (see <see cref="SigningChain.BuildCrl"/>).</summary>
    public Uri? LeafCrlUrl { get; init; }
}
