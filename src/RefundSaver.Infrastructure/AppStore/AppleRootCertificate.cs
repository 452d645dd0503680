namespace RefundSaver.Infrastructure.AppStore;

/// <summary>Apple Root CA - G3, the trust root of every App Store signed payload, built into this assembly.</summary>
internal static class AppleRootCertificate
{
    public const string ResourceName = "RefundSaver.Infrastructure.AppStore.AppleRootCA-G3.der";

    private static readonly Lazy<byte[]> Der = new(Load);

    /// <summary>The certificate's DER bytes; callers must not change them.</summary>
    public static byte[] RootCaG3Der => Der.Value;

    private static byte[] Load()
    {
        using var stream = typeof(AppleRootCertificate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
