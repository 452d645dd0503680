using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

/// <summary>Apple's real, public certificates: the built-in root, its chain under a forger's key, and what anchors a chain.</summary>
public sealed class AppleChainTests
{
    private static readonly DateTimeOffset InsideLeafValidity = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RootCaG3Der_WhenLoadedFromTheAssembly_ShouldBeAppleRootCaG3()
    {
        var fingerprint = Convert.ToHexString(SHA256.HashData(AppleRootCertificate.RootCaG3Der));

        fingerprint.ShouldBe("63343ABFB89A6A03EBB57E9B3F5FA7BE7C4F5C756F3017B3A8C488C3653E9179");
        AppleCertificates.RootCaG3.ShouldBe(AppleRootCertificate.RootCaG3Der);
    }

    [Fact]
    public void Verify_WhenAForgerSignsUnderApplesRealChain_ShouldAcceptTheChainButRefuseTheSignature()
    {
        using var forgerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = new JwsSigner(forgerKey, AppleCertificates.X5c).Sign(Payload(InsideLeafValidity));
        var verifier = Verifier();

        var result = verifier.Verify(token, []);

        SignedPayloadVerifierTests.ShouldBeInvalid(result, "signature");
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenApplesRealChainIsUsedOutsideTheLeafsValidity_ShouldRefuseTheChain()
    {
        using var forgerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = new JwsSigner(forgerKey, AppleCertificates.X5c).Sign(Payload(AppleCertificates.LeafValidFrom.AddDays(-30)));

        SignedPayloadVerifierTests.ShouldBeInvalid(Verifier().Verify(token, []), "NotTimeValid");
    }

    [Fact]
    public void Verify_WhenApplesIntermediateIsPairedWithAnotherRoot_ShouldStillChainToTheBuiltInRoot()
    {
        using var forgerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfMade = SigningChain.Create();
        var x5c = new[] { AppleCertificates.ReceiptSigningLeaf2025, AppleCertificates.WwdrCaG6, selfMade.RootDer };
        var token = new JwsSigner(forgerKey, x5c).Sign(Payload(InsideLeafValidity));

        SignedPayloadVerifierTests.ShouldBeInvalid(Verifier().Verify(token, []), "signature");
    }

    [Fact]
    public void Validate_WhenApplesRealChainBuildsToTheBuiltInRoot_ShouldRecordAppleAsItsAnchor()
    {
        var chain = new CertificateChainValidator(onlineRevocationChecks: false)
            .Validate([.. AppleCertificates.X5c], [AppleRootCertificate.RootCaG3Der], InsideLeafValidity, out var failure);

        failure.ShouldBeNull();
        chain.ShouldNotBeNull().AnchoredAtApple.ShouldBeTrue();
    }

    [Fact]
    public void Validate_WhenAnotherTrustedRootAnchorsTheChain_ShouldNotRecordApple()
    {
        using var other = SigningChain.Create(new SigningChainOptions { Now = InsideLeafValidity });

        var chain = new CertificateChainValidator(onlineRevocationChecks: false)
            .Validate([.. other.X5c], [AppleRootCertificate.RootCaG3Der, other.RootDer], InsideLeafValidity, out var failure);

        failure.ShouldBeNull();
        chain.ShouldNotBeNull().AnchoredAtApple.ShouldBeFalse();
    }

    private static string Payload(DateTimeOffset signedDate) =>
        $$"""{"notificationType":"TEST","signedDate":{{signedDate.ToUnixTimeMilliseconds()}}}""";

    private static SignedPayloadVerifier Verifier() =>
        new(Options.Create(new AppStoreVerificationOptions()), new FakeTimeProvider(InsideLeafValidity));
}
