using System.Diagnostics;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>
/// A RefundSaver process killed (SIGKILL) while Apple is still answering its call: its lease runs
/// out, and a dispatcher of another process on the same database finishes the request.
/// </summary>
public sealed class CrashRecoveryTests(RealServersFixture servers) : AnsweringTest(servers)
{
    private const int LeaseSeconds = 3;

    /// <summary>The class's in-process host only serves the admin API until the crash: the process does the work.</summary>
    protected override IReadOnlyDictionary<string, string?> ApiSettings => new Dictionary<string, string?>
    {
        ["Dispatcher:Enabled"] = "false",
    };

    [Fact]
    public async Task Dispatcher_WhenItsProcessIsKilledMidSend_ShouldLetAnotherProcessAnswerAfterTheLease()
    {
        await using var process = await StartApiProcessAsync();
        var app = await CreateAppAsync(webhook: new Uri(process.GetEndpoint("api"), "/webhooks/app-store"));
        var profileId = await CreateCustomerAsync(app, consent: true);
        var hang = await Apple.AddFaultAsync(app.BundleId, 200, hangMs: 30_000);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var sending = await WaitForStateAsync(app.Id, transactionId, "sending");
        await Eventually.UntilAsync(() => Apple.FaultRemainingAsync(hang), remaining => remaining == 0, "the call to hang at Apple");
        using (var doomed = ApiProcess.Of(process))
        {
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }

        var killedAt = DateTimeOffset.UtcNow;
        await using var survivor = await Api.StartAnotherAsync(new Dictionary<string, string?> { ["Dispatcher:Enabled"] = "true" });
        var request = await WaitForFinalAsync(app.Id, transactionId, TimeSpan.FromSeconds(LeaseSeconds + 15));
        var detail = await DetailAsync(app.Id, request);
        var calls = await Apple.ConsumptionCallsAsync(transactionId);

        StateOf(sending).ShouldBe("sending");
        StateOf(request).ShouldBe("answered", request.ToJsonString());
        var attempt = detail["attempt_log"]!.AsArray().ShouldHaveSingleItem()!;
        attempt["result"]!.GetValue<string>().ShouldBe("Accepted");
        // The survivor waited for the dead process's lease, taken after the request was created.
        TimeOf(attempt["started_at"]).ShouldBeGreaterThanOrEqualTo(TimeOf(sending["created_at"]).AddSeconds(LeaseSeconds - 0.5));
        calls.Count.ShouldBe(2, calls.ToJsonString());
        calls[0]!["status"]!.GetValue<int>().ShouldBe(499, "the hung call ends when its caller dies");
        TimeOf(calls[0]!["received_at"]).ShouldBeLessThan(killedAt);
        calls[1]!["status"]!.GetValue<int>().ShouldBe(202);
        JsonNode.DeepEquals(calls[1]!["body"], detail["body"]).ShouldBeTrue($"Apple received {calls[1]!["body"]?.ToJsonString()}");
        JsonNode.DeepEquals(calls[0]!["body"], detail["body"]).ShouldBeTrue("both processes computed the same answer");
    }

    /// <summary>RefundSaver as a process of its own, as the AppHost runs it: the class's database and settings, and a short lease.</summary>
    private async Task<DistributedApplication> StartApiProcessAsync()
    {
        var builder = TestApplications.CreateBuilder();
        var api = builder.AddProject<Projects.RefundSaver_Api>("api")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Testing")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ConnectionStrings__refundsaver", Api.DatabaseConnectionString)
            .WithEnvironment("ConnectionStrings__redis", Servers.RedisConnectionString)
            .WithEnvironment("Admin__Token", RealServersFixture.AdminToken);
        foreach (var (key, value) in Api.Settings)
        {
            api.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
        }

        api.WithEnvironment("Dispatcher__Enabled", "true")
            .WithEnvironment("Dispatcher__LeaseSeconds", LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // The call must still be hanging when the process dies, not given up and retried.
            .WithEnvironment("AppStore__Client__AttemptTimeoutSeconds", "60");
        var application = builder.Build();
        try
        {
            await application.StartAsync();
            await application.ResourceNotifications.WaitForResourceHealthyAsync("api");
            return application;
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }
    }

    private static DateTimeOffset TimeOf(JsonNode? node) => node!.GetValue<DateTimeOffset>();
}
