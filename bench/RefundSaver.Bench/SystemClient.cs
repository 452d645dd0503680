using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.Bench;

/// <summary>An app as both systems know it: RefundSaver's id and the bundle id it has at the App Store.</summary>
internal sealed record BenchApp(Guid Id, string BundleId);

/// <summary>One app's Send Consumption Information calls as the simulator counted them (<c>GET /simulator/stats</c>).</summary>
internal sealed record SimulatorStats(long Received, long Accepted, long TooManyRequests, long ClientErrors, long ServerErrors, int MaxReceivedPerSecond);

/// <summary>
/// The calls of scripts/demo.sh, from C#: RefundSaver's admin API and the App Store simulator's
/// control API. Any answer but the expected one is a <see cref="BenchFailure"/> naming the call.
/// </summary>
internal sealed class SystemClient(HttpClient http, SystemUnderTest system)
{
    /// <summary>The app in RefundSaver and at the App Store (Production), its key given to RefundSaver, consent by default.</summary>
    public async Task<BenchApp> CreateAppAsync(string bundleId, int reviewDelayMinutes, CancellationToken cancellationToken)
    {
        var created = await SendAsync(
            HttpMethod.Post, new Uri(system.Api, "admin/api/apps"), new JsonObject { ["name"] = bundleId, ["bundle_id"] = bundleId }, cancellationToken);
        var id = created.GetProperty("id").GetGuid();
        var apple = await SendAsync(
            HttpMethod.Post,
            new Uri(system.AppStore, "simulator/apps"),
            new JsonObject
            {
                ["bundle_id"] = bundleId,
                ["notification_url"] = new Uri(system.Api, "webhooks/app-store").ToString(),
                ["environment"] = "Production",
            },
            cancellationToken);
        await SendAsync(
            HttpMethod.Patch,
            new Uri(system.Api, $"admin/api/apps/{id}"),
            new JsonObject
            {
                ["apple_app_id"] = apple.GetProperty("apple_app_id").GetInt64(),
                ["environments"] = new JsonArray("Production"),
                ["app_store_credentials"] = new JsonObject
                {
                    ["issuer_id"] = apple.GetProperty("issuer_id").GetString(),
                    ["key_id"] = apple.GetProperty("key_id").GetString(),
                    ["private_key_pem"] = apple.GetProperty("private_key_pem").GetString(),
                },
                ["consent_default"] = "opt_out",
                ["review_delay_minutes"] = reviewDelayMinutes,
            },
            cancellationToken);
        return new BenchApp(id, bundleId);
    }

    /// <summary>A customer buys a consumable (the simulator sends ONE_TIME_CHARGE); answers its transaction id.</summary>
    public async Task<string> PurchaseAsync(string bundleId, CancellationToken cancellationToken)
    {
        var purchase = await SendAsync(
            HttpMethod.Post,
            new Uri(system.AppStore, $"simulator/apps/{bundleId}/purchases"),
            new JsonObject { ["product_id"] = "gems.500", ["type"] = "Consumable", ["price"] = 4990, ["currency"] = "USD" },
            cancellationToken);
        return purchase.GetProperty("transaction_id").GetString()!;
    }

    /// <summary>The customer asks for a refund: the simulator sends RefundSaver a CONSUMPTION_REQUEST.</summary>
    public Task RequestRefundAsync(string transactionId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            new Uri(system.AppStore, $"simulator/transactions/{transactionId}/refund-request"),
            new JsonObject { ["reason"] = "UNINTENDED_PURCHASE" },
            cancellationToken);

    /// <summary>When the simulator received the first call for the transaction that it answered 202, if any.</summary>
    public async Task<DateTimeOffset?> AcceptedAtAsync(string transactionId, CancellationToken cancellationToken)
    {
        var calls = await SendAsync(HttpMethod.Get, new Uri(system.AppStore, $"simulator/transactions/{transactionId}/consumption"), null, cancellationToken);
        foreach (var call in calls.GetProperty("calls").EnumerateArray())
        {
            if (call.GetProperty("status").GetInt32() == (int)HttpStatusCode.Accepted)
            {
                return call.GetProperty("received_at").GetDateTimeOffset();
            }
        }

        return null;
    }

    /// <summary>When the simulator first tried to deliver the transaction's notification of <paramref name="type"/>.</summary>
    public async Task<DateTimeOffset?> FirstDeliveryAttemptAsync(string transactionId, string type, CancellationToken cancellationToken)
    {
        var notifications = await SendAsync(
            HttpMethod.Get,
            new Uri(system.AppStore, $"simulator/notifications?transaction_id={transactionId}&notification_type={type}"),
            null,
            cancellationToken);
        foreach (var notification in notifications.EnumerateArray())
        {
            foreach (var attempt in notification.GetProperty("attempts").EnumerateArray())
            {
                return attempt.GetProperty("attempted_at").GetDateTimeOffset();
            }
        }

        return null;
    }

    /// <summary>How many of the app's notifications are delivered, and how many it has.</summary>
    public async Task<(int Delivered, int Total)> DeliveredAsync(string bundleId, CancellationToken cancellationToken)
    {
        var notifications = await SendAsync(HttpMethod.Get, new Uri(system.AppStore, $"simulator/notifications?bundle_id={bundleId}"), null, cancellationToken);
        var delivered = notifications.EnumerateArray().Count(notification => notification.GetProperty("status").GetString() == "delivered");
        return (delivered, notifications.GetArrayLength());
    }

    /// <summary>Every app's consumption-call counts, by bundle id.</summary>
    public async Task<Dictionary<string, SimulatorStats>> StatsAsync(CancellationToken cancellationToken)
    {
        var stats = await SendAsync(HttpMethod.Get, new Uri(system.AppStore, "simulator/stats"), null, cancellationToken);
        return stats.EnumerateArray().ToDictionary(
            app => app.GetProperty("bundle_id").GetString()!,
            app => new SimulatorStats(
                app.GetProperty("received").GetInt64(),
                app.GetProperty("accepted").GetInt64(),
                app.GetProperty("too_many_requests").GetInt64(),
                app.GetProperty("client_errors").GetInt64(),
                app.GetProperty("server_errors").GetInt64(),
                app.GetProperty("max_received_per_second").GetInt32()),
            StringComparer.Ordinal);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, Uri uri, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (uri.AbsolutePath.StartsWith("/admin/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", system.AdminToken);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailure($"{method} {uri.PathAndQuery} answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
        }

        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }
}
