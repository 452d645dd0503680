using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>What RefundSaver does with each of Apple's answers that is not a 202: wait, retry, or give up with Apple's reason.</summary>
public sealed class AppleErrorTests(RealServersFixture servers) : AnsweringTest(servers)
{
    /// <summary>Within the client's inline retry window (2 s): the dispatcher must still not retry inline, it takes turns.</summary>
    private const int RetryAfterMs = 1500;

    [Fact]
    public async Task RefundRequest_WhenAppleAnswers429WithRetryAfter_ShouldTryAgainNotBeforeRetryAfterAndBeAnswered()
    {
        var app = await CreateAppAsync();
        var profileId = await CreateCustomerAsync(app, consent: true);
        await Apple.AddFaultAsync(app.BundleId, 429, count: 1, retryAfterMs: RetryAfterMs);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var request = await WaitForFinalAsync(app.Id, transactionId);
        var attempts = (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray();
        var calls = await Apple.ConsumptionCallsAsync(transactionId);

        StateOf(request).ShouldBe("answered", request.ToJsonString());
        attempts.Select(attempt => attempt!["result"]!.GetValue<string>()).ShouldBe(["RateLimited", "Accepted"]);
        attempts[0]!["status_code"]!.GetValue<int>().ShouldBe(429);
        attempts[0]!["error_code"]!.GetValue<long>().ShouldBe(4290000);
        calls.Select(call => call!["status"]!.GetValue<int>()).ShouldBe([429, 202]);
        // Retry-After is the 429's arrival plus 1.5 s, in whole milliseconds since the epoch.
        var retryAfter = TimeOf(calls[0]!["received_at"]).AddMilliseconds(RetryAfterMs - 1);
        TimeOf(calls[1]!["received_at"]).ShouldBeGreaterThanOrEqualTo(retryAfter);
        TimeOf(attempts[1]!["started_at"]).ShouldBeGreaterThanOrEqualTo(TimeOf(attempts[0]!["started_at"]).AddMilliseconds(RetryAfterMs - 1));
    }

    [Fact]
    public async Task RefundRequest_WhenAppleAnswers500ThreeTimes_ShouldRetryAndBeAnswered()
    {
        var app = await CreateAppAsync();
        var profileId = await CreateCustomerAsync(app, consent: true);
        // The dispatcher's calls take turns, so each 500 comes back through the queue: four attempts, each stored.
        await Apple.AddFaultAsync(app.BundleId, 500, count: 3);

        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var request = await WaitForFinalAsync(app.Id, transactionId);
        var attempts = (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray();
        var calls = await Apple.ConsumptionCallsAsync(transactionId);

        StateOf(request).ShouldBe("answered", request.ToJsonString());
        request["attempts"]!.GetValue<int>().ShouldBe(4);
        attempts.Select(attempt => attempt!["result"]!.GetValue<string>()).ShouldBe(["ServerError", "ServerError", "ServerError", "Accepted"]);
        attempts.Take(3).ShouldAllBe(attempt => attempt!["status_code"]!.GetValue<int>() == 500 && attempt["error_code"]!.GetValue<long>() == 5000000);
        attempts[3]!["status_code"]!.GetValue<int>().ShouldBe(202);
        calls.Select(call => call!["status"]!.GetValue<int>()).ShouldBe([500, 500, 500, 202]);
    }

    [Theory]
    [InlineData("v1", "Non-Consumable", null, 4000047)] // Apple's own check: V1 takes no non-consumable
    [InlineData("v2", "Consumable", 4000047L, 4000047)] // the same refusal, injected
    public async Task RefundRequest_WhenAppleRefusesTheRequestWith400_ShouldFailWithApplesCodeAndNotRetry(
        string apiVersion, string productType, long? injectedCode, long errorCode)
    {
        var app = await CreateAppAsync(apiVersion: apiVersion);
        var profileId = await CreateCustomerAsync(app, consent: true);
        if (injectedCode is { } code)
        {
            await Apple.AddFaultAsync(app.BundleId, 400, errorCode: code);
        }

        var transactionId = await Apple.BuyAsync(app.Apple, profileId, productType);
        await Apple.RequestRefundAsync(transactionId);
        var request = await WaitForFinalAsync(app.Id, transactionId);

        StateOf(request).ShouldBe("failed", request.ToJsonString());
        StringOf(request["state_reason"]).ShouldNotBeNull().ShouldContain(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var attempt = (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray().ShouldHaveSingleItem()!;
        attempt["result"]!.GetValue<string>().ShouldBe("Rejected");
        attempt["status_code"]!.GetValue<int>().ShouldBe(400);
        attempt["error_code"]!.GetValue<long>().ShouldBe(errorCode);
        await ShouldStayWithOneCallAsync(app, profileId, transactionId, 400);
    }

    [Theory]
    [InlineData(false)] // a transaction Apple never issued
    [InlineData(true)] // a real transaction, but of the other environment
    public async Task RefundRequest_WhenAppleDoesNotKnowTheTransaction_ShouldFailWith4040010AndNotRetry(bool otherEnvironment)
    {
        var app = await CreateAppAsync("Production");
        var profileId = await CreateCustomerAsync(app, consent: true);
        var transactionId = otherEnvironment
            ? await SandboxPurchaseAsync(app, profileId)
            : "1" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Apple would not send it: a Production CONSUMPTION_REQUEST, signed as the simulator signs, for that transaction.
        await PostConsumptionRequestAsync(app, transactionId, profileId, "Production");
        var request = await WaitForFinalAsync(app.Id, transactionId);

        StateOf(request).ShouldBe("failed", request.ToJsonString());
        StringOf(request["state_reason"]).ShouldNotBeNull().ShouldContain("4040010");
        var attempt = (await DetailAsync(app.Id, request))["attempt_log"]!.AsArray().ShouldHaveSingleItem()!;
        attempt["result"]!.GetValue<string>().ShouldBe("Rejected");
        attempt["status_code"]!.GetValue<int>().ShouldBe(404);
        attempt["error_code"]!.GetValue<long>().ShouldBe(4040010);
        await ShouldStayWithOneCallAsync(app, profileId, transactionId, 404);
    }

    /// <summary>
    /// A final request is never claimed again: after a later request of the same app went all the
    /// way to Apple and back, the refused one still has its single call.
    /// </summary>
    private async Task ShouldStayWithOneCallAsync(ConfiguredApp app, Guid profileId, string transactionId, int status)
    {
        var later = await BuyAndAskForRefundAsync(app, profileId);
        StateOf(await WaitForFinalAsync(app.Id, later)).ShouldBe("answered");
        (await FindRequestAsync(app.Id, transactionId)).ShouldNotBeNull()["attempts"]!.GetValue<int>().ShouldBe(1);
        (await Apple.ConsumptionCallsAsync(transactionId)).ShouldHaveSingleItem()!["status"]!.GetValue<int>().ShouldBe(status);
    }

    private async Task<string> SandboxPurchaseAsync(ConfiguredApp app, Guid profileId)
    {
        using var http = Simulator.CreateClient();
        using var response = await http.PostAsJsonAsync($"/simulator/apps/{app.BundleId}/purchases", new JsonObject
        {
            ["product_id"] = "gems.500",
            ["type"] = "Consumable",
            ["price"] = 4990,
            ["app_account_token"] = profileId.ToString(),
            ["environment"] = "Sandbox",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response))["transaction_id"]!.GetValue<string>();
    }

    private async Task PostConsumptionRequestAsync(ConfiguredApp app, string transactionId, Guid appAccountToken, string environment)
    {
        var now = DateTimeOffset.UtcNow;
        var signer = Simulator.Signer;
        var transaction = signer.Sign(new JsonObject
        {
            ["transactionId"] = transactionId,
            ["originalTransactionId"] = transactionId,
            ["bundleId"] = app.BundleId,
            ["productId"] = "gems.500",
            ["type"] = "Consumable",
            ["price"] = 4990,
            ["currency"] = "USD",
            ["purchaseDate"] = now.AddHours(-1).ToUnixTimeMilliseconds(),
            ["appAccountToken"] = appAccountToken.ToString(),
            ["environment"] = environment,
            ["signedDate"] = now.ToUnixTimeMilliseconds(),
        }.ToJsonString());
        var notification = signer.Sign(new JsonObject
        {
            ["notificationType"] = "CONSUMPTION_REQUEST",
            ["notificationUUID"] = Guid.NewGuid().ToString(),
            ["version"] = "2.0",
            ["signedDate"] = now.ToUnixTimeMilliseconds(),
            ["data"] = new JsonObject
            {
                ["appAppleId"] = app.Apple.AppleAppId,
                ["bundleId"] = app.BundleId,
                ["bundleVersion"] = "1.0",
                ["environment"] = environment,
                ["signedTransactionInfo"] = transaction,
                ["consumptionRequestReason"] = "UNINTENDED_PURCHASE",
            },
        }.ToJsonString());
        using var webhook = Api.Host.CreateClient();
        using var response = await webhook.PostAsJsonAsync("/webhooks/app-store", new { signedPayload = notification });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static DateTimeOffset TimeOf(JsonNode? node) => node!.GetValue<DateTimeOffset>();
}
