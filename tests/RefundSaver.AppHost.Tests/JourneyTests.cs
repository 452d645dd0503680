using System.Text.Json.Nodes;
using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>The whole product through the AppHost, over HTTP, as a user walks it (<see cref="RefundJourney"/>).</summary>
[Collection(AppHostCollection.Name)]
[Trait(AppHostTraits.Servers, AppHostTraits.AnyServers)]
public sealed class JourneyTests(AppHostFixture fixture)
{
    [Fact]
    public async Task RefundRequest_WhenTheCustomerConsentedAndPrefersAGrant_ShouldBeStoredAndAnsweredToAppleWithThatBody()
    {
        var journey = await RefundJourney.WalkAsync(fixture.AppHost);

        journey.Settings["settings"]!["consent"]!.GetValue<bool>().ShouldBeTrue();
        journey.Notifications["data"]!.AsArray().Select(notification => notification!["notification_type"]!.GetValue<string>())
            .ShouldContain("CONSUMPTION_REQUEST");
        journey.Request!["state"]!.GetValue<string>().ShouldBe("answered", journey.Request.ToJsonString());
        var call = journey.Calls.ShouldHaveSingleItem()!;
        call["status"]!.GetValue<int>().ShouldBe(202);
        call["api_version"]!.GetValue<string>().ShouldBe("v2");
        call["environment"]!.GetValue<string>().ShouldBe("Sandbox");
        JsonNode.DeepEquals(call["body"], JsonNode.Parse("""
            {"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":false,
             "consumptionPercentage":80000,"refundPreference":"GRANT_FULL"}
            """)).ShouldBeTrue(call["body"]!.ToJsonString());
    }
}
