using System.Text.Json.Nodes;

namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>
/// The whole product through the AppHost, over HTTP, as a user walks it: an app and its key, the
/// same app at the App Store (the simulator), a customer's consent and preference, a purchase, a
/// refund request that Apple signs and posts to the webhook, and the dispatcher's answer to Apple.
/// </summary>
public sealed record RefundJourney(
    string ApiKey,
    string PrivateKeyPem,
    JsonNode Settings,
    JsonNode Notifications,
    JsonNode? Request,
    JsonArray Calls)
{
    private const string SettingsPath = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/";

    public static async Task<RefundJourney> WalkAsync(RunningAppHost appHost)
    {
        using var admin = appHost.CreateApiClient();
        using var apple = appHost.CreateSimulatorClient();
        var bundleId = "com.example.journey" + Guid.NewGuid().ToString("N")[..12];
        var webhook = new Uri(appHost.Application.GetEndpoint("api", "http"), "/webhooks/app-store");

        var app = await admin.PostJsonAsync("/admin/api/apps", new { name = "Journey", bundle_id = bundleId });
        var appId = app["id"]!.GetValue<string>();
        var atApple = await apple.PostJsonAsync("/simulator/apps", new { bundle_id = bundleId, notification_url = webhook, environment = "Sandbox" });
        var privateKeyPem = atApple["private_key_pem"]!.GetValue<string>();
        await admin.SendAsync(HttpMethod.Patch, $"/admin/api/apps/{appId}", new
        {
            apple_app_id = atApple["apple_app_id"]!.GetValue<long>(),
            environments = new[] { "Sandbox" },
            app_store_credentials = new
            {
                issuer_id = atApple["issuer_id"]!.GetValue<string>(),
                key_id = atApple["key_id"]!.GetValue<string>(),
                private_key_pem = privateKeyPem,
            },
            refund_policy = "always_decline",
            consumption_api_version = "v2",
        });

        var apiKey = app["api_key"]!.GetValue<string>();
        var customer = Customer(apiKey, "journey-customer");
        var profile = await admin.SendAsync(HttpMethod.Post, "/api/v2/server-side-api/profile/", new { }, customer);
        var profileId = profile["data"]!["profile_id"]!.GetValue<string>();
        var settings = await admin.SendAsync(HttpMethod.Post, SettingsPath, new { consent = true, custom_preference = "grant" }, customer);
        var purchase = await apple.PostJsonAsync($"/simulator/apps/{bundleId}/purchases", new
        {
            product_id = "gems.500",
            type = "Consumable",
            price = 4990,
            currency = "USD",
            app_account_token = profileId,
        });
        var transactionId = purchase["transaction_id"]!.GetValue<string>();
        await admin.SendAsync(
            HttpMethod.Post,
            "/api/v2/server-side-api/purchase/app-store/transactions/consumption/",
            new { transaction_id = transactionId, consumption_percentage = 80, delivery_status = "delivered" },
            customer);
        await apple.PostJsonAsync($"/simulator/transactions/{transactionId}/refund-request", new { reason = "UNINTENDED_PURCHASE" });

        var request = await JsonHttp.EventuallyAsync(
            async () => (await admin.GetJsonAsync($"/admin/api/apps/{appId}/consumption-requests"))["data"]!.AsArray().FirstOrDefault(),
            found => found?["state"]?.GetValue<string>() is "answered" or "skipped" or "failed" or "expired",
            TimeSpan.FromSeconds(60),
            "the consumption request to be final");
        var notifications = await admin.GetJsonAsync($"/admin/api/apps/{appId}/notifications");
        var calls = (await apple.GetJsonAsync($"/simulator/transactions/{transactionId}/consumption"))["calls"]!.AsArray();
        return new RefundJourney(apiKey, privateKeyPem, settings, notifications, request, calls);
    }

    /// <summary>The app backend's credentials: its API key, and which customer the call is about.</summary>
    private static Action<HttpRequestMessage> Customer(string apiKey, string customerUserId) => request =>
    {
        request.Headers.Authorization = new("Api-Key", apiKey);
        request.Headers.Add("adapty-customer-user-id", customerUserId);
    };
}
