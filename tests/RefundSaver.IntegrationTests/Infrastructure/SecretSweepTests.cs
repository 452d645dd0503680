using System.Net;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>The sweep that fails the run when an API host logs a secret: it sees the hosts' records, and knows a secret.</summary>
public sealed class SecretSweepTests(RealServersFixture servers) : IntegrationTest(servers)
{
    [Theory]
    [InlineData("Authorization: Bearer integration-admin-token", "the admin token")]
    [InlineData("key secret_live_AbCdEfGh.0123456789abcdefghijABCDEFGHIJ01 refused", "an API key")]
    [InlineData("-----BEGIN PRIVATE KEY-----", "a private key")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJidW5kbGVJZCI6ImNvbS5leGFtcGxlIn0.c2lnbmF0dXJlc2lnbmF0dXJl", "a signed payload or token")]
    [InlineData("Refused an App Store notification (Invalid): untrusted root", null)]
    public void SecretIn_WhenARecordHoldsOne_ShouldNameItAndOnlyThen(string text, string? secret) =>
        SecretSweepingLoggerProvider.SecretIn(text).ShouldBe(secret);

    [Fact]
    public async Task Sweep_WhenAHostLogsATraceRecord_ShouldReadIt()
    {
        var before = SecretSweepingLoggerProvider.Swept;
        using var admin = Api.CreateAdminClient();

        (await admin.GetAsync("/admin/api/apps")).StatusCode.ShouldBe(HttpStatusCode.OK);

        SecretSweepingLoggerProvider.Swept.ShouldBeGreaterThan(before, "the request's records at Trace and Debug went through the sweep");
    }
}
