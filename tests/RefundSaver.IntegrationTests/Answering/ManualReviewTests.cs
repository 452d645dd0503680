using System.Net;
using System.Text.Json.Nodes;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Answering;

/// <summary>An app that holds requests for review: the operator changes the preference and sends at once.</summary>
public sealed class ManualReviewTests(RealServersFixture servers) : AnsweringTest(servers)
{
    [Fact]
    public async Task Review_WhenTheOperatorGrantsAHeldRequestAndSendsNow_ShouldAnswerWithTheGrantAndRefuseLaterChanges()
    {
        var app = await CreateAppAsync(settings: new JsonObject { ["review_delay_minutes"] = 60 });
        var profileId = await CreateCustomerAsync(app, consent: true);
        var transactionId = await BuyAndAskForRefundAsync(app, profileId);
        var held = await WaitForStateAsync(app.Id, transactionId, "held");
        var heldUntil = held["due_at"]!.GetValue<DateTimeOffset>();
        var callsWhileHeld = await Apple.ConsumptionCallsAsync(transactionId);
        var path = $"/admin/api/apps/{app.Id}/{ConsumptionRequestsPath}/{held["id"]!.GetValue<string>()}";

        using var review = await Admin.PatchAsync(path, Json(new JsonObject { ["preference"] = "grant", ["send_now"] = true }));
        var reviewed = await ReadJsonAsync(review);
        var request = await WaitForFinalAsync(app.Id, transactionId);
        var detail = await DetailAsync(app.Id, request);
        var calls = await Apple.ConsumptionCallsAsync(transactionId);
        using var late = await Admin.PatchAsync(path, Json(new JsonObject { ["preference"] = "decline" }));
        using var lateSend = await Admin.PatchAsync(path, Json(new JsonObject { ["send_now"] = true }));

        heldUntil.ShouldBeGreaterThan(held["created_at"]!.GetValue<DateTimeOffset>().AddMinutes(59));
        callsWhileHeld.ShouldBeEmpty();
        review.StatusCode.ShouldBe(HttpStatusCode.OK, reviewed.ToJsonString());
        StringOf(reviewed["manual_preference"]).ShouldBe("grant");
        StateOf(request).ShouldBe("answered", request.ToJsonString());
        StringOf(request["preference"]).ShouldBe("grant");
        StringOf(request["preference_source"]).ShouldBe("operator");
        StringOf(detail["body"]!["refundPreference"]).ShouldBe("GRANT_FULL");
        var call = calls.ShouldHaveSingleItem()!;
        call["status"]!.GetValue<int>().ShouldBe(202);
        JsonNode.DeepEquals(call["body"], detail["body"]).ShouldBeTrue($"Apple received {call["body"]?.ToJsonString()}");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        StringOf((await ReadJsonAsync(late))["error_code"]).ShouldBe("consumption_request_already_sent");
        lateSend.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        StringOf((await FindRequestAsync(app.Id, transactionId))!["preference"]).ShouldBe("grant");
    }
}
