namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>Every route of the API that reads a JSON body, with the string fields each has.</summary>
public static class BodyEndpoints
{
    public const string CustomerUserId = "hostile-customer";

    private static readonly string[] ProfileFields = ["email", "phone_number", "first_name", "last_name", "app_account_token"];

    public static IReadOnlyList<BodyEndpoint> All { get; } =
    [
        new("CreateApp", HttpMethod.Post, _ => "/admin/api/apps", Caller.Admin,
            """{"name": "Hostile", "bundle_id": "com.example.hostile"}""", ["name", "bundle_id"]),
        new("UpdateApp", HttpMethod.Patch, app => $"/admin/api/apps/{app}", Caller.Admin,
            """
            {"bundle_id": "com.example.hostile.patched", "apple_app_id": 1234567890, "environments": ["Sandbox"], "extra_trusted_roots": ["pem"],
             "refund_saver_enabled": true, "sample_content_provided": true, "review_delay_minutes": 5,
             "app_store_credentials": {"issuer_id": "i", "key_id": "k", "private_key_pem": "p"},
             "consumption_api_version": "v2", "refund_policy": "always_decline", "consent_default": "opt_in",
             "rules": [{"when": {"reasons": ["UNINTENDED_PURCHASE"], "product_types": ["CONSUMABLE"], "product_ids": ["p"], "storefronts": ["USA"]},
                        "preference": "decline"}]}
            """,
            [
                "bundle_id", "environments.0", "extra_trusted_roots.0", "app_store_credentials.issuer_id",
                "app_store_credentials.key_id", "app_store_credentials.private_key_pem", "consumption_api_version",
                "refund_policy", "consent_default", "rules.0.when.reasons.0", "rules.0.when.product_types.0",
                "rules.0.when.product_ids.0", "rules.0.when.storefronts.0", "rules.0.preference",
            ]),
        new("CreateApiKey", HttpMethod.Post, app => $"/admin/api/apps/{app}/api-keys", Caller.Admin, """{"name": "second"}""", ["name"]),
        new("ReviewConsumptionRequest", HttpMethod.Patch, app => $"/admin/api/apps/{app}/consumption-requests/{Guid.NewGuid()}", Caller.Admin,
            """{"preference": "decline", "send_now": true}""", ["preference"]),
        new("CreateProfile", HttpMethod.Post, _ => "/api/v2/server-side-api/profile/", Caller.App,
            """{"email": "a@example.com", "phone_number": "+100", "first_name": "A", "last_name": "B", "app_account_token": "8c5e6f3a-51a4-4d6e-9a0e-3f4b1e2d7c90"}""",
            ProfileFields),
        new("UpdateProfile", HttpMethod.Patch, _ => "/api/v2/server-side-api/profile/", Caller.App,
            """{"email": "b@example.com", "phone_number": "+200", "first_name": "C", "last_name": "D", "app_account_token": "1c5e6f3a-51a4-4d6e-9a0e-3f4b1e2d7c91"}""",
            ProfileFields),
        new("SetRefundSaverSettings", HttpMethod.Post, _ => "/api/v2/server-side-api/purchase/profile/refund-saver/settings/", Caller.App,
            """{"consent": true, "custom_preference": "decline"}""", ["custom_preference"]),
        new("LinkTransaction", HttpMethod.Post, _ => "/api/v2/server-side-api/purchase/app-store/transactions/link/", Caller.App,
            """{"original_transaction_id": "2000000000000001"}""", ["original_transaction_id"]),
        new("ReportUsage", HttpMethod.Post, _ => "/api/v2/server-side-api/profile/usage/", Caller.App,
            """{"play_time_seconds": 60, "account_status": "active"}""", ["account_status"]),
        new("ReportPurchase", HttpMethod.Post, _ => "/api/v2/server-side-api/purchase/app-store/transactions/consumption/", Caller.App,
            """{"transaction_id": "2000000000000002", "consumption_percentage": 10, "delivery_status": "delivered"}""",
            ["transaction_id", "delivery_status"]),
        new("ReceiveAppStoreNotification", HttpMethod.Post, _ => "/webhooks/app-store", Caller.Apple,
            """{"signedPayload": "e30.e30.e30"}""", ["signedPayload"]),
    ];

    public static BodyEndpoint Named(string name) => All.Single(endpoint => endpoint.Name == name);
}
