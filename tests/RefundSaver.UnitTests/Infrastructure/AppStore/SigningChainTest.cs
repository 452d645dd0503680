using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

/// <summary>The verifier's tests: a test chain valid at a fixed time on a fake clock, a signer under it, and a verifier on that clock.</summary>
public abstract class SigningChainTest : IDisposable
{
    protected SigningChainTest()
    {
        Chain = SigningChain.Create(new SigningChainOptions { Now = Clock.GetUtcNow() });
        Signer = new JwsSigner(Chain);
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    protected SigningChain Chain { get; }

    protected JwsSigner Signer { get; }

    public void Dispose()
    {
        Chain.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected SignedPayloadVerifier VerifierWith(AppStoreVerificationOptions options) => new(Options.Create(options), Clock);
}
