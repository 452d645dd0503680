using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>
/// The whole refund flow over HTTP, as scripts/demo.sh runs it: an app in both systems, a consenting
/// customer, a purchase, Apple's CONSUMPTION_REQUEST, RefundSaver's answer, and Apple's decision back.
/// </summary>
public sealed class AnswerFlowTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Theory]
    [InlineData("v2", "Production", "refund", "refunded")]
    [InlineData("v2", "Sandbox", "decline", "declined")]
    [InlineData("v1", "Production", "decline", "declined")]
    [InlineData("v1", "Sandbox", "refund", "refunded")]
    public async Task RefundRequest_WhenTheCustomerConsented_ShouldBeAnsweredOnceWithTheBodyAndGetApplesOutcome(
        string apiVersion, string environment, string decision, string outcome)
    {
        var app = await CreateAppAsync(environment, apiVersion);
        var customer = "buyer-" + Guid.NewGuid().ToString("N")[..8];
        var profileId = await CreateCustomerAsync(app, consent: true, customer);
        using (var usage = await app.Backend.SendAsync(BackendRequest(
            HttpMethod.Post, "/api/v2/server-side-api/profile/usage/", """{"play_time_seconds": 5400}""", customer)))
        {
            usage.StatusCode.ShouldBe(HttpStatusCode.OK, await usage.Content.ReadAsStringAsync());
        }

        var transactionId = await Apple.BuyAsync(app.Apple, profileId);
        using (var report = await app.Backend.PostAsync(
            "/api/v2/server-side-api/purchase/app-store/transactions/consumption/",
            Json(new JsonObject { ["transaction_id"] = transactionId, ["consumption_percentage"] = 80, ["delivery_status"] = "delivered" })))
        {
            report.StatusCode.ShouldBe(HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
        }

        await Apple.RequestRefundAsync(transactionId);
        var request = await WaitForFinalAsync(app.Id, transactionId);
        var detail = await DetailAsync(app.Id, request);
        var calls = await Apple.ConsumptionCallsAsync(transactionId);

        StateOf(request).ShouldBe("answered", request.ToJsonString());
        StringOf(request["preference"]).ShouldBe("decline");
        StringOf(request["api_version"]).ShouldBe(apiVersion);
        request["profile_id"]!.GetValue<string>().ShouldBe(profileId.ToString());
        var expected = apiVersion == "v1"
            ? new JsonObject
            {
                ["customerConsented"] = true,
                ["consumptionStatus"] = 2,
                ["platform"] = 1,
                ["sampleContentProvided"] = false,
                ["deliveryStatus"] = 0,
                ["appAccountToken"] = profileId.ToString(),
                ["accountTenure"] = 1,
                ["playTime"] = 3,
                ["lifetimeDollarsPurchased"] = 2,
                ["lifetimeDollarsRefunded"] = 1,
                ["userStatus"] = 1,
                ["refundPreference"] = 2,
            }
            : new JsonObject
            {
                ["customerConsented"] = true,
                ["deliveryStatus"] = "DELIVERED",
                ["sampleContentProvided"] = false,
                ["consumptionPercentage"] = 80000,
                ["refundPreference"] = "DECLINE",
            };
        JsonNode.DeepEquals(detail["body"], expected).ShouldBeTrue($"sent {detail["body"]?.ToJsonString()}, expected {expected.ToJsonString()}");
        var attempt = detail["attempt_log"]!.AsArray().ShouldHaveSingleItem()!;
        attempt["result"]!.GetValue<string>().ShouldBe("Accepted");
        attempt["status_code"]!.GetValue<int>().ShouldBe(202);
        JsonNode.DeepEquals(attempt["body"], expected).ShouldBeTrue();

        var call = calls.ShouldHaveSingleItem()!;
        call["status"]!.GetValue<int>().ShouldBe(202);
        call["api_version"]!.GetValue<string>().ShouldBe(apiVersion);
        call["environment"]!.GetValue<string>().ShouldBe(environment);
        JsonNode.DeepEquals(call["body"], expected).ShouldBeTrue($"Apple received {call["body"]?.ToJsonString()}");

        await Apple.DecideAsync(transactionId, decision);
        var decided = await WaitForRequestAsync(app.Id, transactionId, found => found["outcome"] is not null, "given Apple's outcome");
        StringOf(decided["outcome"]).ShouldBe(outcome);
        StateOf(decided).ShouldBe("answered");
        (await Apple.ConsumptionCallsAsync(transactionId)).Count.ShouldBe(1);
    }
}
