using System.Text.Json;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.UnitTests.Application.AppStore;

public sealed class NotificationPayloadTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void From_WhenDataSectionCarriesTheApp_ShouldReadEveryField()
    {
        var payload = NotificationPayload.From(Json("""
            {"notificationType":"CONSUMPTION_REQUEST","subtype":null,"notificationUUID":"0b5f1e1a-6b9e-4a55-9f0a-6bd1d5d3c001",
             "version":"2.0","signedDate":1795310000000,
             "data":{"appAppleId":1234,"bundleId":"com.example.game","environment":"Sandbox",
                     "signedTransactionInfo":"a.b.c","signedRenewalInfo":"d.e.f","consumptionRequestReason":"UNINTENDED_PURCHASE"}}
            """));

        payload.ShouldNotBeNull();
        payload.NotificationType.ShouldBe("CONSUMPTION_REQUEST");
        payload.NotificationUuid.ShouldBe(Guid.Parse("0b5f1e1a-6b9e-4a55-9f0a-6bd1d5d3c001"));
        payload.SignedDate.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1795310000000));
        payload.BundleId.ShouldBe("com.example.game");
        payload.AppAppleId.ShouldBe(1234);
        payload.Environment.ShouldBe(AppStoreEnvironment.Sandbox);
        payload.SignedTransactionInfo.ShouldBe("a.b.c");
        payload.SignedRenewalInfo.ShouldBe("d.e.f");
        payload.ConsumptionRequestReason.ShouldBe("UNINTENDED_PURCHASE");
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("externalPurchaseToken")]
    [InlineData("appData")]
    public void From_WhenAnotherSectionCarriesTheApp_ShouldFindTheAppThere(string section)
    {
        var payload = NotificationPayload.From(Json($$"""
            {"notificationType":"RENEWAL_EXTENSION","subtype":"SUMMARY","notificationUUID":"{{Guid.NewGuid()}}","signedDate":1795310000000,
             "{{section}}":{"bundleId":"com.example.other","appAppleId":77,"environment":"Production"} }
            """));

        payload.ShouldNotBeNull();
        payload.BundleId.ShouldBe("com.example.other");
        payload.AppAppleId.ShouldBe(77);
        payload.Environment.ShouldBe(AppStoreEnvironment.Production);
        payload.SignedTransactionInfo.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"notificationUUID":"0b5f1e1a-6b9e-4a55-9f0a-6bd1d5d3c001","signedDate":1}""")]
    [InlineData("""{"notificationType":"TEST","signedDate":1}""")]
    [InlineData("""{"notificationType":"TEST","notificationUUID":"not-a-uuid","signedDate":1}""")]
    [InlineData("""{"notificationType":"TEST","notificationUUID":"0b5f1e1a-6b9e-4a55-9f0a-6bd1d5d3c001"}""")]
    [InlineData("""{"notificationType":5,"notificationUUID":"0b5f1e1a-6b9e-4a55-9f0a-6bd1d5d3c001","signedDate":1}""")]
    public void From_WhenARequiredFieldIsMissingOrMistyped_ShouldBeNull(string json) =>
        NotificationPayload.From(Json(json)).ShouldBeNull();

    [Fact]
    public void From_WhenNoSectionNamesAnEnvironment_ShouldTakeProductionSoTheStricterChecksApply()
    {
        var payload = NotificationPayload.From(Json($$"""
            {"notificationType":"EXTERNAL_PURCHASE_TOKEN","notificationUUID":"{{Guid.NewGuid()}}","signedDate":1,
             "externalPurchaseToken":{"bundleId":"com.example.x","appAppleId":5} }
            """));

        payload!.Environment.ShouldBe(AppStoreEnvironment.Production);
    }
}
