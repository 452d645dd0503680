using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RefundSaver.ServiceDefaults;

namespace RefundSaver.AppStoreSimulator.Signing;

/// <summary>
/// An App Store-like signing chain (ECDsa P-256): a root CA, an intermediate CA with Apple's WWDR
/// OID, and a leaf with Apple's receipt-signing OID whose private key signs payloads. Generated
/// names carry a random suffix so that chains never mix, in OpenSSL's caches or anywhere else.
/// </summary>
public sealed class SigningChain : IDisposable
{
    public const string LeafOid = "1.2.840.113635.100.6.11.1";
    public const string IntermediateOid = "1.2.840.113635.100.6.2.1";

    /// <summary>The PEM files a chain directory holds.</summary>
    public const string RootFileName = "root.pem";
    public const string IntermediateFileName = "intermediate.pem";
    public const string LeafFileName = "leaf.pem";
    public const string LeafKeyFileName = "leaf-key.pem";

    /// <summary>Apple's marker extensions hold a DER NULL.</summary>
    private static readonly byte[] DerNull = [0x05, 0x00];

    /// <summary>Only a generated chain has it (to sign CRLs); a chain loaded from files does not.</summary>
    private readonly ECDsa? _intermediateKey;

    private SigningChain(X509Certificate2 root, X509Certificate2 intermediate, ECDsa? intermediateKey, X509Certificate2 leaf, ECDsa leafKey)
    {
        Root = root;
        Intermediate = intermediate;
        _intermediateKey = intermediateKey;
        Leaf = leaf;
        LeafKey = leafKey;
        X5c = [leaf.RawData, intermediate.RawData, root.RawData];
        TrustedRoots = [root.RawData];
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    /// <summary>The leaf's private key: what signs the payloads.</summary>
    public ECDsa LeafKey { get; }

    /// <summary>The root's DER, to trust it.</summary>
    public byte[] RootDer => Root.RawData;

    /// <summary>The root as PEM, the form RefundSaver's <c>ExtraTrustedRoots</c> setting takes.</summary>
    public string RootPem => Root.ExportCertificatePem() + "\n";

    /// <summary>Just this chain's root: the <c>extraTrustedRoots</c> that make its payloads verify.</summary>
    public IReadOnlyList<byte[]> TrustedRoots { get; }

    /// <summary>The header's x5c in order: leaf, intermediate, root (DER).</summary>
    public IReadOnlyList<byte[]> X5c { get; }

    public static SigningChain Create(SigningChainOptions? options = null)
    {
        options ??= new SigningChainOptions();
        var now = options.Now ?? DateTimeOffset.UtcNow;
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var rootRequest = Request($"CN=RefundSaver App Store Simulator Root CA {suffix}", rootKey);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var rootWithKey = rootRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(5));
        var root = X509CertificateLoader.LoadCertificate(rootWithKey.RawData);

        var intermediateRequest = Request($"CN=RefundSaver App Store Simulator WWDR CA {suffix}", intermediateKey);
        intermediateRequest.CertificateExtensions.Add(
            new X509BasicConstraintsExtension(options.IntermediateIsCa, options.IntermediateIsCa, 0, true));
        intermediateRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        if (options.IntermediateHasAppleOid)
        {
            intermediateRequest.CertificateExtensions.Add(new X509Extension(IntermediateOid, DerNull, false));
        }

        var intermediate = Issue(intermediateRequest, root, rootKey, now.AddYears(-4), now.AddYears(4));

        var leafRequest = Request($"CN=RefundSaver App Store Simulator Receipt Signing {suffix}", leafKey);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        if (options.LeafHasAppleOid)
        {
            leafRequest.CertificateExtensions.Add(new X509Extension(LeafOid, DerNull, false));
        }

        if (options.LeafCrlUrl is { } crlUrl)
        {
            leafRequest.CertificateExtensions.Add(
                CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl.AbsoluteUri]));
        }

        var leaf = options.LeafExpired
            ? Issue(leafRequest, intermediate, intermediateKey, now.AddDays(-61), now.AddDays(-1))
            : Issue(leafRequest, intermediate, intermediateKey, now.AddDays(-1), now.AddYears(1));
        return new SigningChain(root, intermediate, intermediateKey, leaf, leafKey);
    }

    /// <summary>Whether <paramref name="directory"/> holds the four PEM files of a chain.</summary>
    public static bool ExistsIn(string directory) =>
        new[] { RootFileName, IntermediateFileName, LeafFileName, LeafKeyFileName }
            .All(name => File.Exists(Path.Combine(directory, name)));

    /// <summary>Loads root.pem, intermediate.pem, leaf.pem and leaf-key.pem (PKCS#8) from <paramref name="directory"/>.</summary>
    public static SigningChain Load(string directory)
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, RootFileName)));
        var intermediate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, IntermediateFileName)));
        var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, LeafFileName)));
        var leafKey = ECDsa.Create();
        try
        {
            leafKey.ImportFromPem(File.ReadAllText(Path.Combine(directory, LeafKeyFileName)));
        }
        catch
        {
            leafKey.Dispose();
            throw;
        }

        using var leafPublicKey = leaf.GetECDsaPublicKey()
            ?? throw new InvalidOperationException($"{LeafFileName} in '{directory}' does not hold an ECDSA certificate.");
        if (!leafPublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(leafKey.ExportSubjectPublicKeyInfo()))
        {
            leafKey.Dispose();
            throw new InvalidOperationException($"{LeafKeyFileName} in '{directory}' is not the key of {LeafFileName}.");
        }

        return new SigningChain(root, intermediate, null, leaf, leafKey);
    }

    /// <summary>Writes the chain as the four PEM files <see cref="Load"/> reads (the leaf key as PKCS#8).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, RootFileName), RootPem);
        File.WriteAllText(Path.Combine(directory, IntermediateFileName), Intermediate.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(directory, LeafFileName), Leaf.ExportCertificatePem() + "\n");
        OwnerOnlyFile.WriteAllText(Path.Combine(directory, LeafKeyFileName), LeafKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>The intermediate's CRL, valid for a week around <paramref name="now"/>, revoking the leaf or nothing.</summary>
    public byte[] BuildCrl(bool revokeLeaf, DateTimeOffset now)
    {
        var intermediateKey = _intermediateKey
            ?? throw new InvalidOperationException("A chain loaded from files has no intermediate key to sign a CRL with.");
        var builder = new CertificateRevocationListBuilder();
        if (revokeLeaf)
        {
            builder.AddEntry(Leaf, now.AddHours(-1), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(
            Intermediate.SubjectName,
            X509SignatureGenerator.CreateForECDsa(intermediateKey),
            1,
            now.AddDays(7),
            HashAlgorithmName.SHA256,
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false),
            now.AddDays(-1));
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        _intermediateKey?.Dispose();
        Leaf.Dispose();
        LeafKey.Dispose();
    }

    private static CertificateRequest Request(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    /// <summary>Signs by name and key rather than by issuer certificate, which would refuse a non-CA issuer.</summary>
    private static X509Certificate2 Issue(
        CertificateRequest request, X509Certificate2 issuer, ECDsa issuerKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, serial);
    }
}
