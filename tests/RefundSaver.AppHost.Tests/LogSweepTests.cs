using RefundSaver.AppHost.Tests.Infrastructure;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.AppHost.Tests;

/// <summary>The sweep every AppHost of the run goes through when it stops: it finds each kind of secret, and nothing else.</summary>
public sealed class LogSweepTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public LogSweepTests() => File.WriteAllText(Path.Combine(_data.Path, "admin-token"), "stored-admin-token-0123456789\n");

    [Theory]
    [InlineData("Authorization: Bearer stored-admin-token-0123456789", "the content of admin-token in the output of api")]
    [InlineData("key secret_live_AbCdEfGh.0123456789abcdefghijABCDEFGHIJ01 refused", "an API key in the output of api")]
    [InlineData("-----BEGIN PRIVATE KEY-----", "a private key in the output of api")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJidW5kbGVJZCI6ImNvbS5leGFtcGxlIn0.c2lnbmF0dXJlc2lnbmF0dXJl", "a signed payload or token in the output of api")]
    public void Leaks_WhenALineHoldsASecret_ShouldNameItWithoutQuotingIt(string line, string leak) =>
        LogSweep.Leaks([new ResourceLogLine("api", line)], _data.Path).ShouldBe([leak]);

    [Fact]
    public void Leaks_WhenNoLineHoldsASecret_ShouldFindNone() =>
        LogSweep.Leaks([new ResourceLogLine("api", "Now listening on: http://127.0.0.1:5000"), new ResourceLogLine("postgres", "ready")], _data.Path)
            .ShouldBeEmpty();

    public void Dispose() => _data.Dispose();
}
