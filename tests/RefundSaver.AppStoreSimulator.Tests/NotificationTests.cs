using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RefundSaver.AppStoreSimulator.Tests.Infrastructure;

namespace RefundSaver.AppStoreSimulator.Tests;

/// <summary>Signed notifications as Apple sends them, delivered to a local receiver and checked against the simulator's root.</summary>
public sealed class NotificationTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private SimulatorClient Client => fixture.Client;

    private NotificationReceiver Receiver => fixture.Receiver;

    [Fact]
    public async Task Purchase_WhenConsumableIsBought_ShouldPostASignedOneTimeChargeThatVerifiesAgainstTheRoot()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out var hook));
        var token = Guid.NewGuid().ToString();
        var purchase = await Client.PurchaseAsync(app, "Consumable", new JsonObject
        {
            ["price"] = 1990, ["currency"] = "EUR", ["storefront"] = "DEU", ["app_account_token"] = token,
        });

        var post = (await Receiver.WaitForAsync(hook, 1)).Single();
        var notification = await SignedPayloads.VerifyAsync(post.SignedPayload, await SignedPayloads.RootOfAsync(Client));
        var data = notification.GetProperty("data");
        var transaction = await SignedPayloads.VerifyAsync(data.GetProperty("signedTransactionInfo").GetString()!, await SignedPayloads.RootOfAsync(Client));

        post.ContentType.ShouldStartWith("application/json");
        JsonDocument.Parse(post.Body).RootElement.EnumerateObject().Select(property => property.Name).ShouldBe(["signedPayload"]);
        notification.GetProperty("notificationType").GetString().ShouldBe("ONE_TIME_CHARGE");
        notification.TryGetProperty("subtype", out _).ShouldBeFalse();
        notification.GetProperty("version").GetString().ShouldBe("2.0");
        notification.GetProperty("notificationUUID").GetString().ShouldBe(purchase.GetProperty("notification_uuid").GetString());
        notification.GetProperty("signedDate").GetInt64().ShouldBeGreaterThan(0);
        data.GetProperty("appAppleId").GetInt64().ShouldBe(app.AppleAppId);
        data.GetProperty("bundleId").GetString().ShouldBe(app.BundleId);
        data.GetProperty("bundleVersion").GetString().ShouldBe("1.0");
        data.GetProperty("environment").GetString().ShouldBe("Production");
        transaction.GetProperty("transactionId").GetString().ShouldBe(purchase.GetProperty("transaction_id").GetString());
        transaction.GetProperty("originalTransactionId").GetString().ShouldBe(purchase.GetProperty("transaction_id").GetString());
        transaction.GetProperty("bundleId").GetString().ShouldBe(app.BundleId);
        transaction.GetProperty("type").GetString().ShouldBe("Consumable");
        transaction.GetProperty("price").GetInt64().ShouldBe(1990);
        transaction.GetProperty("currency").GetString().ShouldBe("EUR");
        transaction.GetProperty("storefront").GetString().ShouldBe("DEU");
        transaction.GetProperty("appAccountToken").GetString().ShouldBe(token);
        transaction.GetProperty("inAppOwnershipType").GetString().ShouldBe("PURCHASED");
        transaction.GetProperty("transactionReason").GetString().ShouldBe("PURCHASE");
        transaction.GetProperty("environment").GetString().ShouldBe("Production");
        transaction.TryGetProperty("expiresDate", out _).ShouldBeFalse();
        transaction.TryGetProperty("revocationDate", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Purchase_WhenSubscriptionWithAFreeTrialIsBoughtInSandbox_ShouldPostSubscribedInitialBuyWithoutAppAppleId()
    {
        var app = await Client.CreateAppAsync("Sandbox", Receiver.NewUrl(out var hook));
        await Client.PurchaseAsync(app, "Auto-Renewable Subscription", new JsonObject { ["offer_type"] = 1, ["offer_discount_type"] = "FREE_TRIAL" });

        var post = (await Receiver.WaitForAsync(hook, 1)).Single();
        var root = await SignedPayloads.RootOfAsync(Client);
        var notification = await SignedPayloads.VerifyAsync(post.SignedPayload, root);
        var data = notification.GetProperty("data");
        var transaction = await SignedPayloads.VerifyAsync(data.GetProperty("signedTransactionInfo").GetString()!, root);
        var renewal = await SignedPayloads.VerifyAsync(data.GetProperty("signedRenewalInfo").GetString()!, root);

        notification.GetProperty("notificationType").GetString().ShouldBe("SUBSCRIBED");
        notification.GetProperty("subtype").GetString().ShouldBe("INITIAL_BUY");
        data.TryGetProperty("appAppleId", out _).ShouldBeFalse();
        data.GetProperty("environment").GetString().ShouldBe("Sandbox");
        data.GetProperty("status").GetInt32().ShouldBe(1);
        transaction.GetProperty("offerType").GetInt32().ShouldBe(1);
        transaction.GetProperty("offerDiscountType").GetString().ShouldBe("FREE_TRIAL");
        transaction.GetProperty("expiresDate").GetInt64().ShouldBeGreaterThan(transaction.GetProperty("purchaseDate").GetInt64());
        renewal.GetProperty("autoRenewStatus").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task RefundRequestThenRefund_WhenDecided_ShouldPostConsumptionRequestThenRefundWithRevocation()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out var hook));
        var transactionId = await Client.PurchaseTransactionIdAsync(app);
        var root = await SignedPayloads.RootOfAsync(Client);

        var requested = await Client.PostJsonAsync(
            $"/simulator/transactions/{transactionId}/refund-request", new JsonObject { ["reason"] = "FULFILLMENT_ISSUE" }, HttpStatusCode.Accepted);
        var decided = await Client.PostJsonAsync(
            $"/simulator/transactions/{transactionId}/decide", new JsonObject { ["outcome"] = "refund" }, HttpStatusCode.OK);
        var posts = await Receiver.WaitForAsync(hook, 3);
        var byType = new Dictionary<string, JsonElement>();
        foreach (var post in posts)
        {
            var payload = await SignedPayloads.VerifyAsync(post.SignedPayload, root);
            byType[payload.GetProperty("notificationType").GetString()!] = payload;
        }

        var consumptionRequest = byType["CONSUMPTION_REQUEST"];
        consumptionRequest.GetProperty("notificationUUID").GetString().ShouldBe(requested.GetProperty("notification_uuid").GetString());
        consumptionRequest.GetProperty("data").GetProperty("consumptionRequestReason").GetString().ShouldBe("FULFILLMENT_ISSUE");
        var refund = byType["REFUND"];
        refund.GetProperty("notificationUUID").GetString().ShouldBe(decided.GetProperty("notification_uuid").GetString());
        var refunded = await SignedPayloads.VerifyAsync(refund.GetProperty("data").GetProperty("signedTransactionInfo").GetString()!, root);
        refunded.GetProperty("transactionId").GetString().ShouldBe(transactionId);
        refunded.GetProperty("revocationDate").GetInt64().ShouldBeGreaterThan(0);
        refunded.GetProperty("revocationReason").GetInt32().ShouldBe(1);
        refunded.GetProperty("revocationType").GetString().ShouldBe("REFUND_FULL");
    }

    [Fact]
    public async Task RefundRequestThenDecline_WhenDecided_ShouldPostRefundDeclinedAndAllowAnotherRequest()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out var hook));
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        await Client.PostJsonAsync($"/simulator/transactions/{transactionId}/refund-request", null, HttpStatusCode.Accepted);
        await Client.PostJsonAsync($"/simulator/transactions/{transactionId}/decide", new JsonObject { ["outcome"] = "decline" }, HttpStatusCode.OK);
        await Client.PostJsonAsync($"/simulator/transactions/{transactionId}/refund-request", null, HttpStatusCode.Accepted);
        var posts = await Receiver.WaitForAsync(hook, 4);

        var types = new List<string>();
        var root = await SignedPayloads.RootOfAsync(Client);
        foreach (var post in posts.OrderBy(post => post.ReceivedAt))
        {
            types.Add((await SignedPayloads.VerifyAsync(post.SignedPayload, root)).GetProperty("notificationType").GetString()!);
        }

        types.ShouldBe(["ONE_TIME_CHARGE", "CONSUMPTION_REQUEST", "REFUND_DECLINED", "CONSUMPTION_REQUEST"], ignoreOrder: true);
        (await Client.GetJsonAsync($"/simulator/transactions/{transactionId}")).GetProperty("refund_state").GetString().ShouldBe("Requested");
    }

    [Fact]
    public async Task Delivery_WhenProductionReceiverFailsTwice_ShouldRetryOnTheCompressedScheduleUntil200()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out var hook));
        Receiver.AnswerNext(hook, 500, 503);
        var transactionId = await Client.PurchaseTransactionIdAsync(app);

        var posts = await Receiver.WaitForAsync(hook, 3);
        var notification = await WaitForStatusAsync(app.BundleId, "delivered");

        posts.Select(post => post.AnsweredWith).ShouldBe([500, 503, 200]);
        posts.Select(post => post.SignedPayload).Distinct().Count().ShouldBe(1);
        notification.GetProperty("transaction_id").GetString().ShouldBe(transactionId);
        var attempts = notification.GetProperty("attempts");
        attempts.GetArrayLength().ShouldBe(3);
        attempts[0].GetProperty("result").GetString().ShouldBe("UNSUCCESSFUL_HTTP_RESPONSE_CODE");
        attempts[0].GetProperty("http_status").GetInt32().ShouldBe(500);
        attempts[2].GetProperty("result").GetString().ShouldBe("SUCCESS");
    }

    [Fact]
    public async Task Delivery_WhenProductionReceiverAlwaysFails_ShouldTrySixTimesThenGiveUp()
    {
        var app = await Client.CreateAppAsync(notificationUrl: Receiver.NewUrl(out var hook));
        Receiver.AnswerNext(hook, 500, 500, 500, 500, 500, 500, 500);
        await Client.PurchaseTransactionIdAsync(app);

        var notification = await WaitForStatusAsync(app.BundleId, "failed");

        notification.GetProperty("attempts").GetArrayLength().ShouldBe(6);
        Receiver.PostsTo(hook).Count.ShouldBe(6);
    }

    [Fact]
    public async Task Delivery_WhenSandboxReceiverFails_ShouldNotRetry()
    {
        var app = await Client.CreateAppAsync("Sandbox", Receiver.NewUrl(out var hook));
        Receiver.AnswerNext(hook, 500);
        await Client.PurchaseTransactionIdAsync(app);

        var notification = await WaitForStatusAsync(app.BundleId, "failed");
        await Task.Delay(100);

        notification.GetProperty("attempts").GetArrayLength().ShouldBe(1);
        Receiver.PostsTo(hook).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delivery_WhenNothingListens_ShouldRecordNoResponse()
    {
        var app = await Client.CreateAppAsync("Sandbox", new Uri("http://127.0.0.1:9/hook"));
        await Client.PurchaseTransactionIdAsync(app);

        var notification = await WaitForStatusAsync(app.BundleId, "failed");

        notification.GetProperty("attempts")[0].GetProperty("result").GetString().ShouldBe("NO_RESPONSE");
    }

    [Fact]
    public async Task Notifications_WhenAppHasNoUrl_ShouldBeRecordedAsNotSent()
    {
        var app = await Client.CreateAppAsync();
        await Client.PurchaseTransactionIdAsync(app);

        var notification = (await Client.GetJsonAsync($"/simulator/notifications?bundle_id={app.BundleId}"))[0];

        notification.GetProperty("status").GetString().ShouldBe("not_sent");
        notification.GetProperty("attempts").GetArrayLength().ShouldBe(0);
    }

    private async Task<JsonElement> WaitForStatusAsync(string bundleId, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var notification = (await Client.GetJsonAsync($"/simulator/notifications?bundle_id={bundleId}"))[0];
            if (notification.GetProperty("status").GetString() == status || DateTimeOffset.UtcNow > deadline)
            {
                notification.GetProperty("status").GetString().ShouldBe(status);
                return notification;
            }

            await Task.Delay(20);
        }
    }
}
