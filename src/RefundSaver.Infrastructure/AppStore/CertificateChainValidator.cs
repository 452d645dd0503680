using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RefundSaver.Application.AppStore;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// Validates an x5c chain the way Apple's own libraries do: leaf → the carried intermediate → a
/// configured root (never the root the message carries), the intermediate a CA, Apple's OIDs on
/// both, and a P-256 leaf key.
/// </summary>
internal sealed class CertificateChainValidator(bool onlineRevocationChecks)
{
    /// <summary>Marks a certificate Apple issued for signing App Store receipts and payloads.</summary>
    public const string LeafOid = "1.2.840.113635.100.6.11.1";

    /// <summary>Marks Apple's Worldwide Developer Relations intermediate CA.</summary>
    public const string IntermediateOid = "1.2.840.113635.100.6.2.1";

    private const X509ChainStatusFlags RevocationUndetermined =
        X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    /// <param name="x5c">The message's three DER certificates: leaf, intermediate, claimed root.</param>
    /// <param name="trustedRoots">The configured roots' DER certificates.</param>
    /// <param name="verificationTime">When the chain must be valid.</param>
    /// <param name="failure">Why the chain was refused, when it was.</param>
    public ValidatedChain? Validate(
        byte[][] x5c, IReadOnlyList<byte[]> trustedRoots, DateTimeOffset verificationTime, out SignedPayloadVerification? failure)
    {
        var loaded = new List<X509Certificate2>(x5c.Length + trustedRoots.Count);
        try
        {
            for (var index = 0; index < x5c.Length; index++)
            {
                if (!TryLoad(x5c[index], loaded))
                {
                    failure = SignedPayloadVerification.Invalid($"JWS x5c[{index}] is not a DER certificate");
                    return null;
                }
            }

            foreach (var root in trustedRoots)
            {
                if (!TryLoad(root, loaded))
                {
                    failure = SignedPayloadVerification.Invalid("a configured trusted root is not a DER certificate");
                    return null;
                }
            }

            return Validate(loaded[0], loaded[1], loaded[x5c.Length..], verificationTime, out failure);
        }
        finally
        {
            loaded.ForEach(certificate => certificate.Dispose());
        }
    }

    private ValidatedChain? Validate(
        X509Certificate2 leaf, X509Certificate2 intermediate, List<X509Certificate2> roots, DateTimeOffset verificationTime,
        out SignedPayloadVerification? failure)
    {
        failure = CheckApplesMarks(leaf, intermediate);
        if (failure is not null)
        {
            return null;
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots.ToArray());
        // Only the intermediate helps build the chain: a root carried in the message is never a candidate.
        policy.ExtraStore.Add(intermediate);
        policy.DisableCertificateDownloads = true;
        policy.RevocationMode = onlineRevocationChecks ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        policy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        policy.VerificationTime = verificationTime.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        chain.Build(leaf);

        failure = CheckStatus(chain) ?? CheckShape(chain, intermediate, roots);
        if (failure is not null)
        {
            return null;
        }

        var key = leaf.GetECDsaPublicKey();
        if (key is not { KeySize: 256 })
        {
            key?.Dispose();
            failure = SignedPayloadVerification.Invalid("JWS leaf key is not a P-256 key");
            return null;
        }

        var elements = chain.ChainElements.Select(element => element.Certificate).ToList();
        return new ValidatedChain(
            key,
            elements.Max(certificate => new DateTimeOffset(certificate.NotBefore)),
            elements.Min(certificate => new DateTimeOffset(certificate.NotAfter)),
            elements[^1].RawDataMemory.Span.SequenceEqual(AppleRootCertificate.RootCaG3Der));
    }

    private static SignedPayloadVerification? CheckApplesMarks(X509Certificate2 leaf, X509Certificate2 intermediate)
    {
        if (intermediate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            return SignedPayloadVerification.Invalid("JWS x5c intermediate is not a CA");
        }

        if (leaf.Extensions[LeafOid] is null)
        {
            return SignedPayloadVerification.Invalid($"JWS x5c leaf lacks OID {LeafOid}");
        }

        return intermediate.Extensions[IntermediateOid] is null
            ? SignedPayloadVerification.Invalid($"JWS x5c intermediate lacks OID {IntermediateOid}")
            : null;
    }

    /// <summary>A revoked certificate is a refusal; a revocation check that could not complete is not an answer.</summary>
    private static SignedPayloadVerification? CheckStatus(X509Chain chain)
    {
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        if (flags.HasFlag(X509ChainStatusFlags.Revoked))
        {
            return SignedPayloadVerification.Invalid("a certificate of the JWS chain is revoked");
        }

        var errors = flags & ~RevocationUndetermined;
        if (errors != X509ChainStatusFlags.NoError)
        {
            return SignedPayloadVerification.Invalid($"JWS certificate chain does not validate ({errors})");
        }

        return flags == X509ChainStatusFlags.NoError
            ? null
            : SignedPayloadVerification.Unavailable("revocation of the JWS certificate chain could not be checked");
    }

    private static SignedPayloadVerification? CheckShape(X509Chain chain, X509Certificate2 intermediate, List<X509Certificate2> roots)
    {
        var elements = chain.ChainElements;
        return elements.Count == 3
            && elements[1].Certificate.RawDataMemory.Span.SequenceEqual(intermediate.RawDataMemory.Span)
            && roots.Exists(root => root.RawDataMemory.Span.SequenceEqual(elements[2].Certificate.RawDataMemory.Span))
                ? null
                : SignedPayloadVerification.Invalid("JWS chain is not leaf → x5c intermediate → a trusted root");
    }

    private static bool TryLoad(byte[] der, List<X509Certificate2> loaded)
    {
        try
        {
            loaded.Add(X509CertificateLoader.LoadCertificate(der));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
