namespace RefundSaver.TestSupport;

/// <summary>
/// Apple's real, public App Store signing chain (see the DER files beside this class): for tests that
/// must show a forged signature under Apple's genuine certificates is refused.
/// </summary>
public static class AppleCertificates
{
    /// <summary>The receipt-signing leaf's validity; a payload signed inside it passes offline chain checks.</summary>
    public static readonly DateTimeOffset LeafValidFrom = new(2025, 9, 19, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LeafValidUntil = new(2027, 10, 13, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Apple Root CA - G3, SHA-256 63343ABF…9179.</summary>
    public static byte[] RootCaG3 => Load("AppleRootCA-G3.der");

    /// <summary>Apple Worldwide Developer Relations CA - G6, carries OID 1.2.840.113635.100.6.2.1.</summary>
    public static byte[] WwdrCaG6 => Load("AppleWWDRCA-G6.der");

    /// <summary>Prod ECC Mac App Store and iTunes Store Receipt Signing (2025), carries OID 1.2.840.113635.100.6.11.1.</summary>
    public static byte[] ReceiptSigningLeaf2025 => Load("AppleReceiptSigning-leaf-2025.der");

    /// <summary>The x5c Apple sends: leaf, intermediate, root.</summary>
    public static IReadOnlyList<byte[]> X5c => [ReceiptSigningLeaf2025, WwdrCaG6, RootCaG3];

    private static byte[] Load(string fileName)
    {
        var name = $"RefundSaver.TestSupport.Apple.{fileName}";
        using var stream = typeof(AppleCertificates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
