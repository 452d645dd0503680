using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class SignedPayloadVerifierChainCacheTests : SigningChainTest
{
    [Fact]
    public void Verify_WhenTheSameChainComesAgain_ShouldReuseTheValidatedChain()
    {
        var verifier = Verifier();

        verifier.Verify(Signer.Sign(Payload()), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(Signer.Sign(Payload("second")), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenChainCacheMinutesHavePassed_ShouldValidateTheChainAgain()
    {
        var verifier = Verifier();
        var token = Signer.Sign(Payload());
        verifier.Verify(token, Chain.TrustedRoots);

        Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        verifier.Verify(token, Chain.TrustedRoots);
        verifier.ChainValidations.ShouldBe(1);

        Clock.Advance(TimeSpan.FromSeconds(2));
        verifier.Verify(token, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheTrustedRootsChange_ShouldNotAnswerFromTheCache()
    {
        var verifier = Verifier();
        var token = Signer.Sign(Payload());
        verifier.Verify(token, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var untrusted = verifier.Verify(token, []);

        SignedPayloadVerifierTests.ShouldBeInvalid(untrusted, "chain");
        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheChainIsCached_ShouldStillCheckEverySignature()
    {
        var verifier = Verifier();
        var token = Signer.Sign(Payload());
        verifier.Verify(token, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var forged = token[..token.LastIndexOf('.')] + "." + Signer.Sign(Payload("other")).Split('.')[2];

        SignedPayloadVerifierTests.ShouldBeInvalid(verifier.Verify(forged, Chain.TrustedRoots), "signature");
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenAGoodChainCarriesABadSignature_ShouldCacheNothingALaterPayloadBenefitsFrom()
    {
        var verifier = Verifier();
        var genuine = Signer.Sign(Payload());
        var forged = genuine[..genuine.LastIndexOf('.')] + "." + Signer.Sign(Payload("other")).Split('.')[2];

        SignedPayloadVerifierTests.ShouldBeInvalid(verifier.Verify(forged, Chain.TrustedRoots), "signature");
        verifier.Verify(genuine, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheSameCertificatesAreSpelledInAnotherHeader_ShouldShareOneCacheEntry()
    {
        var verifier = Verifier();
        var spaced = JwsSigner.BuildHeader(Chain.X5c)
            .Replace(":", " : ", StringComparison.Ordinal)
            .Replace(",", " ,\n ", StringComparison.Ordinal);
        var respelled = new JwsSigner(Chain.LeafKey, "{ " + spaced[1..^1] + " }");
        respelled.HeaderJson.ShouldNotBe(JwsSigner.BuildHeader(Chain.X5c));

        verifier.Verify(Signer.Sign(Payload()), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(respelled.Sign(Payload("second")), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenACachedChainMeetsASignedDateOutsideItsValidity_ShouldBeInvalid()
    {
        var verifier = Verifier();
        verifier.Verify(Signer.Sign(Payload()), Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var late = verifier.Verify(Signer.Sign(Payload(signedDate: Clock.GetUtcNow().AddYears(3))), Chain.TrustedRoots);

        SignedPayloadVerifierTests.ShouldBeInvalid(late, "not valid at");
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenChainCacheMinutesIsZero_ShouldValidateEveryChain()
    {
        var verifier = Verifier(cacheMinutes: 0);
        var token = Signer.Sign(Payload());

        verifier.Verify(token, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(token, Chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenAChainWasRefused_ShouldNotCacheTheRefusal()
    {
        var verifier = Verifier();
        var token = Signer.Sign(Payload());
        verifier.Verify(token, []).Status.ShouldBe(VerificationStatus.Invalid);

        verifier.Verify(token, []).Status.ShouldBe(VerificationStatus.Invalid);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenCalledFromManyThreads_ShouldVerifyEveryPayload()
    {
        var verifier = Verifier();
        var tokens = Enumerable.Range(0, 200).Select(index => Signer.Sign(Payload($"n{index}"))).ToList();

        var results = tokens.AsParallel().WithDegreeOfParallelism(8).Select(token => verifier.Verify(token, Chain.TrustedRoots)).ToList();

        results.ShouldAllBe(result => result.Status == VerificationStatus.Verified);
        verifier.ChainValidations.ShouldBeLessThanOrEqualTo(8);
    }

    private string Payload(string id = "first", DateTimeOffset? signedDate = null) =>
        $$"""{"notificationUUID":"{{id}}","environment":"Sandbox","signedDate":{{(signedDate ?? Clock.GetUtcNow()).ToUnixTimeMilliseconds()}}}""";

    private SignedPayloadVerifier Verifier(int cacheMinutes = 15) =>
        VerifierWith(new AppStoreVerificationOptions { ChainCacheMinutes = cacheMinutes });
}
