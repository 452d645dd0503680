using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.Options;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;
using RefundSaver.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace RefundSaver.UnitTests.Infrastructure.AppStore;

/// <summary>Online revocation checks, against CRLs served from a local listener (the wall clock: CRLs are checked against it).</summary>
public sealed class SignedPayloadVerifierRevocationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly HttpListener _listener = new();
    private readonly Uri _crlUrl;
    private byte[] _crl = [];

    public SignedPayloadVerifierRevocationTests()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _crlUrl = new Uri($"http://127.0.0.1:{port}/{Guid.NewGuid():N}.crl");
        _ = ServeAsync();
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public void Verify_WhenOnlineAndNoRevocationSourceAnswers_ShouldBeUnavailable()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = _clock.GetUtcNow() });

        var result = Verifier(online: true).Verify(new JwsSigner(chain).Sign(Payload()), chain.TrustedRoots);

        result.Status.ShouldBe(VerificationStatus.Unavailable);
        result.FailureReason.ShouldNotBeNull().ShouldContain("revocation");
    }

    [Fact]
    public void Verify_WhenOnlineAndTheLeafIsRevoked_ShouldBeInvalid()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = _clock.GetUtcNow(), LeafCrlUrl = _crlUrl });
        _crl = chain.BuildCrl(revokeLeaf: true, _clock.GetUtcNow());

        var result = Verifier(online: true).Verify(new JwsSigner(chain).Sign(Payload()), chain.TrustedRoots);

        SignedPayloadVerifierTests.ShouldBeInvalid(result, "revoked");
    }

    [Fact]
    public void Verify_WhenOfflineAndTheLeafIsRevoked_ShouldNotCheckRevocation()
    {
        using var chain = SigningChain.Create(new SigningChainOptions { Now = _clock.GetUtcNow(), LeafCrlUrl = _crlUrl });
        _crl = chain.BuildCrl(revokeLeaf: true, _clock.GetUtcNow());

        var result = Verifier(online: false).Verify(new JwsSigner(chain).Sign(Payload()), chain.TrustedRoots);

        result.Status.ShouldBe(VerificationStatus.Verified);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var found = context.Request.Url?.AbsolutePath == _crlUrl.AbsolutePath && _crl.Length > 0;
            context.Response.StatusCode = found ? 200 : 404;
            if (found)
            {
                await context.Response.OutputStream.WriteAsync(_crl);
            }

            context.Response.Close();
        }
    }

    private string Payload() =>
        $$"""{"notificationType":"TEST","data":{"environment":"Sandbox"},"signedDate":{{_clock.GetUtcNow().ToUnixTimeMilliseconds()}}}""";

    private SignedPayloadVerifier Verifier(bool online) =>
        new(Options.Create(new AppStoreVerificationOptions { OnlineRevocationChecks = online }), _clock);
}
