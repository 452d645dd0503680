using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

public sealed class SignedPayloadVerifierChainCacheTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly SigningChain _chain;
    private readonly JwsSigner _signer;

    public SignedPayloadVerifierChainCacheTests()
    {
        _chain = SigningChain.Create(new SigningChainOptions { Now = _clock.GetUtcNow() });
        _signer = new JwsSigner(_chain);
    }

    public void Dispose() => _chain.Dispose();

    [Fact]
    public void Verify_WhenTheSameChainComesAgain_ShouldReuseTheValidatedChain()
    {
        var verifier = Verifier();

        verifier.Verify(_signer.Sign(Payload()), _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(_signer.Sign(Payload("second")), _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenChainCacheMinutesHavePassed_ShouldValidateTheChainAgain()
    {
        var verifier = Verifier();
        var token = _signer.Sign(Payload());
        verifier.Verify(token, _chain.TrustedRoots);

        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        verifier.Verify(token, _chain.TrustedRoots);
        verifier.ChainValidations.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(2));
        verifier.Verify(token, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheTrustedRootsChange_ShouldNotAnswerFromTheCache()
    {
        var verifier = Verifier();
        var token = _signer.Sign(Payload());
        verifier.Verify(token, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var untrusted = verifier.Verify(token, []);

        SignedPayloadVerifierTests.ShouldBeInvalid(untrusted, "chain");
        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheChainIsCached_ShouldStillCheckEverySignature()
    {
        var verifier = Verifier();
        var token = _signer.Sign(Payload());
        verifier.Verify(token, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var forged = token[..token.LastIndexOf('.')] + "." + _signer.Sign(Payload("other")).Split('.')[2];

        SignedPayloadVerifierTests.ShouldBeInvalid(verifier.Verify(forged, _chain.TrustedRoots), "signature");
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenAGoodChainCarriesABadSignature_ShouldCacheNothingALaterPayloadBenefitsFrom()
    {
        var verifier = Verifier();
        var genuine = _signer.Sign(Payload());
        var forged = genuine[..genuine.LastIndexOf('.')] + "." + _signer.Sign(Payload("other")).Split('.')[2];

        SignedPayloadVerifierTests.ShouldBeInvalid(verifier.Verify(forged, _chain.TrustedRoots), "signature");
        verifier.Verify(genuine, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenTheSameCertificatesAreSpelledInAnotherHeader_ShouldShareOneCacheEntry()
    {
        var verifier = Verifier();
        var spaced = JwsSigner.BuildHeader(_chain.X5c)
            .Replace(":", " : ", StringComparison.Ordinal)
            .Replace(",", " ,\n ", StringComparison.Ordinal);
        var respelled = new JwsSigner(_chain.LeafKey, "{ " + spaced[1..^1] + " }");
        respelled.HeaderJson.ShouldNotBe(JwsSigner.BuildHeader(_chain.X5c));

        verifier.Verify(_signer.Sign(Payload()), _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(respelled.Sign(Payload("second")), _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenACachedChainMeetsASignedDateOutsideItsValidity_ShouldBeInvalid()
    {
        var verifier = Verifier();
        verifier.Verify(_signer.Sign(Payload()), _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        var late = verifier.Verify(_signer.Sign(Payload(signedDate: _clock.GetUtcNow().AddYears(3))), _chain.TrustedRoots);

        SignedPayloadVerifierTests.ShouldBeInvalid(late, "not valid at");
        verifier.ChainValidations.ShouldBe(1);
    }

    [Fact]
    public void Verify_WhenChainCacheMinutesIsZero_ShouldValidateEveryChain()
    {
        var verifier = Verifier(cacheMinutes: 0);
        var token = _signer.Sign(Payload());

        verifier.Verify(token, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);
        verifier.Verify(token, _chain.TrustedRoots).Status.ShouldBe(VerificationStatus.Verified);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenAChainWasRefused_ShouldNotCacheTheRefusal()
    {
        var verifier = Verifier();
        var token = _signer.Sign(Payload());
        verifier.Verify(token, []).Status.ShouldBe(VerificationStatus.Invalid);

        verifier.Verify(token, []).Status.ShouldBe(VerificationStatus.Invalid);

        verifier.ChainValidations.ShouldBe(2);
    }

    [Fact]
    public void Verify_WhenCalledFromManyThreads_ShouldVerifyEveryPayload()
    {
        var verifier = Verifier();
        var tokens = Enumerable.Range(0, 200).Select(index => _signer.Sign(Payload($"n{index}"))).ToList();

        var results = tokens.AsParallel().WithDegreeOfParallelism(8).Select(token => verifier.Verify(token, _chain.TrustedRoots)).ToList();

        results.ShouldAllBe(result => result.Status == VerificationStatus.Verified);
        verifier.ChainValidations.ShouldBeLessThanOrEqualTo(8);
    }

    private string Payload(string id = "first", DateTimeOffset? signedDate = null) =>
        $$"""{"notificationUUID":"{{id}}","environment":"Sandbox","signedDate":{{(signedDate ?? _clock.GetUtcNow()).ToUnixTimeMilliseconds()}}}""";

    private SignedPayloadVerifier Verifier(int cacheMinutes = 15) =>
        new(Options.Create(new AppStoreVerificationOptions { ChainCacheMinutes = cacheMinutes }), _clock);
}
