using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using RefundSaver.Api.Metrics;
using RefundSaver.AppStoreSimulator.Signing;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

/// <summary>App Store Server Notifications V2 through the webhook, signed by a test chain that each app trusts.</summary>
public sealed class AppStoreWebhookTests(RealServersFixture servers) : IntegrationTest(servers), IDisposable
{
    private const string Webhook = "/webhooks/app-store";
    private const long AppleAppId = 1_234_567_890;
    // Hours ago, so that the later dates some tests give Apple's decisions are still past: the webhook
    // refuses a signedDate ahead of its clock.
    private static readonly DateTimeOffset Signed = DateTimeOffset.UtcNow.AddHours(-4);

    /// <summary>Trusted by configuration for every app, like the root of a local App Store stand-in.</summary>
    private static readonly SigningChain ConfiguredChain = SigningChain.Create();

    /// <summary>Trusted only by the apps of this test, through the admin API.</summary>
    private readonly SigningChain _chain = SigningChain.Create();

    // What the webhook stored, before any dispatcher moves it on: answering is tested in Answering/.
    private static readonly Dictionary<string, string?> DefaultSettings = new()
    {
        ["AppStore:Verification:ExtraTrustedRoots:0"] = ConfiguredChain.Root.ExportCertificatePem(),
        ["Dispatcher:Enabled"] = "false",
    };

    // The class's host: its test chains play Apple in Production too, which an operator must allow.
    private static readonly Dictionary<string, string?> Settings = new(DefaultSettings)
    {
        ["AppStore:Verification:AllowExtraRootsInProduction"] = "true",
    };

    public override Task InitializeAsync() => UseApiAsync(Settings);

    public void Dispose() => _chain.Dispose();

    private async Task<(TestApp App, string BundleId)> ConfiguredAppAsync(params string[] environments)
    {
        var app = await CreateAppAsync();
        var bundleId = "com.example.webhook" + Guid.NewGuid().ToString("N")[..12];
        using var admin = Api.CreateAdminClient();
        var response = await admin.PatchAsJsonAsync($"/admin/api/apps/{app.Id}", new
        {
            bundle_id = bundleId,
            apple_app_id = AppleAppId,
            environments = environments.Length == 0 ? ["Sandbox", "Production"] : environments,
            extra_trusted_roots = new[] { _chain.Root.ExportCertificatePem() },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (app, bundleId);
    }

    private string Transaction(string bundleId, string transactionId, DateTimeOffset signedDate, string? productId = "coins.100",
        long price = 4990, Guid? appAccountToken = null, DateTimeOffset? revocationDate = null, string environment = "Sandbox") =>
        new JwsSigner(_chain).Sign(new JsonObject
        {
            ["transactionId"] = transactionId,
            ["originalTransactionId"] = transactionId,
            ["bundleId"] = bundleId,
            ["productId"] = productId,
            ["type"] = "Consumable",
            ["price"] = price,
            ["currency"] = "USD",
            ["purchaseDate"] = signedDate.AddDays(-1).ToUnixTimeMilliseconds(),
            ["appAccountToken"] = appAccountToken?.ToString(),
            ["revocationDate"] = revocationDate?.ToUnixTimeMilliseconds(),
            ["environment"] = environment,
            ["signedDate"] = signedDate.ToUnixTimeMilliseconds(),
        }.ToJsonString());

    private string Notification(string type, string bundleId, Guid? uuid = null, DateTimeOffset? signedDate = null,
        string environment = "Sandbox", string? signedTransaction = null, string? reason = null, long appAppleId = AppleAppId,
        string section = "data", SigningChain? chain = null) =>
        new JwsSigner(chain ?? _chain).Sign(new JsonObject
        {
            ["notificationType"] = type,
            ["notificationUUID"] = (uuid ?? Guid.NewGuid()).ToString(),
            ["version"] = "2.0",
            ["signedDate"] = (signedDate ?? Signed).ToUnixTimeMilliseconds(),
            [section] = new JsonObject
            {
                ["appAppleId"] = appAppleId,
                ["bundleId"] = bundleId,
                ["environment"] = environment,
                ["signedTransactionInfo"] = signedTransaction,
                ["consumptionRequestReason"] = reason,
            },
        }.ToJsonString());

    private async Task<HttpResponseMessage> PostAsync(string signedPayload)
    {
        using var client = Api.CreateClient();
        return await client.PostAsJsonAsync(Webhook, new { signedPayload });
    }

    /// <summary>The 401 names no check: the precise reason is only logged.</summary>
    private static void ShouldSayOnlyItCouldNotBeVerified(JsonNode body) =>
        body["errors"]!.AsArray().SelectMany(entry => entry!["errors"]!.AsArray()).Select(message => message!.GetValue<string>())
            .ShouldBe(["The signed payload could not be verified."]);

    private async Task<JsonArray> ListAsync(Guid appId, string what)
    {
        using var admin = Api.CreateAdminClient();
        var response = await admin.GetAsync($"/admin/api/apps/{appId}/{what}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ReadJsonAsync(response))["data"]!.AsArray();
    }

    private async Task<long> CountAsync(string sql, Guid appId)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("app", appId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Api.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Post_WhenConsumptionRequestIsVerified_ShouldStoreTheNotificationTheLedgerAndARequestDueIn12Hours()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var profile = await ReadJsonAsync(await app.Client.SendAsync(
            Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", "{}", "buyer")));
        var profileId = Guid.Parse(profile["data"]!["profile_id"]!.GetValue<string>());
        var uuid = Guid.NewGuid();

        var response = await PostAsync(Notification(
            "CONSUMPTION_REQUEST", bundleId, uuid,
            signedTransaction: Transaction(bundleId, "2000000001", Signed, appAccountToken: profileId),
            reason: "UNINTENDED_PURCHASE"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var notification = (await ListAsync(app.Id, "notifications")).ShouldHaveSingleItem()!;
        notification["notification_uuid"]!.GetValue<string>().ShouldBe(uuid.ToString());
        notification["notification_type"]!.GetValue<string>().ShouldBe("CONSUMPTION_REQUEST");
        notification["environment"]!.GetValue<string>().ShouldBe("Sandbox");
        notification["transaction_id"]!.GetValue<string>().ShouldBe("2000000001");
        notification["effect"]!.GetValue<string>().ShouldContain("consumption request created");
        var request = (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!;
        request["transaction_id"]!.GetValue<string>().ShouldBe("2000000001");
        request["reason"]!.GetValue<string>().ShouldBe("UNINTENDED_PURCHASE");
        request["state"]!.GetValue<string>().ShouldBe("received");
        request["profile_id"]!.GetValue<string>().ShouldBe(profileId.ToString());
        request["deadline"]!.GetValue<DateTimeOffset>().ShouldBe(
            DateTimeOffset.FromUnixTimeMilliseconds(Signed.ToUnixTimeMilliseconds()).AddHours(12));
        (await CountAsync("SELECT count(*) FROM app_store_transactions WHERE app_id = @app AND price = 4990", app.Id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("SUBSCRIBED", "data")]
    [InlineData("DID_RENEW", "data")]
    [InlineData("ONE_TIME_CHARGE", "data")]
    [InlineData("TEST", "data")]
    [InlineData("RENEWAL_EXTENSION", "summary")]
    [InlineData("EXTERNAL_PURCHASE_TOKEN", "externalPurchaseToken")]
    [InlineData("RESCIND_CONSENT", "appData")]
    public async Task Post_WhenATypeWeOnlyStore_ShouldAnswer200AndStoreIt(string type, string section)
    {
        var (app, bundleId) = await ConfiguredAppAsync();

        var response = await PostAsync(Notification(type, bundleId, section: section));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(app.Id, "notifications")).ShouldHaveSingleItem()!["notification_type"]!.GetValue<string>().ShouldBe(type);
        (await ListAsync(app.Id, "consumption-requests")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WhenOneNotificationArrivesFiftyTimesAtOnce_ShouldStoreOneRowAndOneRequest()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var jws = Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000050", Signed));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(jws)));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await CountAsync("SELECT count(*) FROM notifications WHERE app_id = @app", app.Id)).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM consumption_requests WHERE app_id = @app", app.Id)).ShouldBe(1);
        var duplicates = 0;
        foreach (var response in responses)
        {
            duplicates += (await ReadJsonAsync(response))["duplicate"]!.GetValue<bool>() ? 1 : 0;
        }

        duplicates.ShouldBe(49);
    }

    [Fact]
    public async Task Post_WhenRedisIsDown_ShouldStillStoreEachNotificationExactlyOnce()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var jws = Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000060", Signed));

        HttpResponseMessage[] responses;
        await using (await Servers.StopRedisAsync())
        {
            responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(jws)));
        }

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await CountAsync("SELECT count(*) FROM notifications WHERE app_id = @app", app.Id)).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM consumption_requests WHERE app_id = @app", app.Id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("REFUND", "refunded")]
    [InlineData("REFUND_DECLINED", "declined")]
    [InlineData("REFUND_REVERSED", "reversed")]
    public async Task Post_WhenAppleDecidesTheRefund_ShouldSetTheRequestsOutcome(string type, string outcome)
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000070", Signed)));

        var decided = Signed.AddHours(2);
        var response = await PostAsync(Notification(type, bundleId, signedDate: decided,
            signedTransaction: Transaction(bundleId, "2000000070", decided,
                revocationDate: type == "REFUND" ? decided : null)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["outcome"]!.GetValue<string>().ShouldBe(outcome);
    }

    [Fact]
    public async Task Post_WhenTheRefundArrivesBeforeItsRequest_ShouldStillGiveTheRequestItsOutcome()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var decided = Signed.AddHours(3);
        await PostAsync(Notification("REFUND", bundleId, signedDate: decided,
            signedTransaction: Transaction(bundleId, "2000000080", decided, revocationDate: decided)));

        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000080", Signed)));

        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["outcome"]!.GetValue<string>().ShouldBe("refunded");
        (await CountAsync("SELECT count(*) FROM app_store_transactions WHERE app_id = @app AND revocation_date IS NOT NULL", app.Id))
            .ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WhenRequestsAndRefundsOfTheSameTransactionsArriveTogether_ShouldGiveEveryRequestItsOutcome(bool refundsToAnotherProcess)
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        await using var other = refundsToAnotherProcess
            ? new ApiFactory(Api.DatabaseConnectionString, Servers.RedisConnectionString, RealServersFixture.AdminToken, Settings)
            : null;
        using var refundsClient = (other ?? Api).CreateClient();
        // A first notification through each, so that neither starts late to find its app and chain.
        (await refundsClient.PostAsJsonAsync(Webhook, new { signedPayload = Notification("ONE_TIME_CHARGE", bundleId) })).EnsureSuccessStatusCode();
        var decided = Signed.AddHours(1);
        var transactions = Enumerable.Range(0, 20).Select(index => $"20000001{index:D2}").ToList();
        var posts = transactions.SelectMany(transactionId => new[]
        {
            PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, transactionId, Signed))),
            refundsClient.PostAsJsonAsync(Webhook, new
            {
                signedPayload = Notification("REFUND", bundleId, signedDate: decided,
                    signedTransaction: Transaction(bundleId, transactionId, decided, revocationDate: decided)),
            }),
        });

        var responses = await Task.WhenAll(posts);

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        (await CountAsync("SELECT count(*) FROM consumption_requests WHERE app_id = @app AND outcome = 'Refunded'", app.Id))
            .ShouldBe(transactions.Count);
        (await CountAsync("SELECT count(*) FROM app_store_transactions WHERE app_id = @app AND revocation_date IS NOT NULL", app.Id))
            .ShouldBe(transactions.Count);
    }

    // The ledger's merge lives in NotificationStore's statement only: this table pins it. The second
    // notification is signed an hour after (+1) or before (-1) the first; a product of null is left out.
    [Theory]
    [InlineData("coins.a", false, 1, "coins.b", false, "coins.b", false)]
    [InlineData("coins.a", false, -1, "coins.b", false, "coins.a", false)]
    [InlineData("coins.a", false, 1, null, false, "coins.a", false)]
    [InlineData(null, false, -1, "coins.b", false, "coins.b", false)]
    [InlineData("coins.a", false, 1, "coins.a", true, "coins.a", true)]
    [InlineData("coins.a", true, 1, "coins.a", false, "coins.a", false)]
    [InlineData("coins.a", false, -1, "coins.a", true, "coins.a", false)]
    public async Task Post_WhenTwoNotificationsCarryOneTransaction_ShouldMergeNewestSignedValueFirst(
        string? firstProduct, bool firstRevoked, int secondHours, string? secondProduct, bool secondRevoked,
        string expectedProduct, bool expectedRevoked)
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var transactionId = "21" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        foreach (var (signed, product, revoked) in new[]
                 {
                     (Signed, firstProduct, firstRevoked),
                     (Signed.AddHours(secondHours), secondProduct, secondRevoked),
                 })
        {
            var response = await PostAsync(Notification(revoked ? "REFUND" : "ONE_TIME_CHARGE", bundleId, signedDate: signed,
                signedTransaction: Transaction(bundleId, transactionId, signed, product, revocationDate: revoked ? signed : null)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await CountAsync(
            $"SELECT count(*) FROM app_store_transactions WHERE app_id = @app AND product_id = '{expectedProduct}' " +
            $"AND (revocation_date IS NOT NULL) = {expectedRevoked} " +
            $"AND signed_date = 'epoch'::timestamptz + {Signed.AddHours(Math.Max(0, secondHours)).ToUnixTimeMilliseconds()} * interval '1 millisecond'",
            app.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_WhenAnOlderNotificationArrivesLast_ShouldKeepTheNewerValues()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var older = Signed.AddHours(-1);
        await PostAsync(Notification("ONE_TIME_CHARGE", bundleId, signedDate: Signed,
            signedTransaction: Transaction(bundleId, "2000000090", Signed, productId: "coins.new", price: 9990)));

        await PostAsync(Notification("ONE_TIME_CHARGE", bundleId, signedDate: older,
            signedTransaction: Transaction(bundleId, "2000000090", older, productId: "coins.old", price: 1990)));

        (await CountAsync(
            "SELECT count(*) FROM app_store_transactions WHERE app_id = @app AND product_id = 'coins.new' AND price = 9990", app.Id))
            .ShouldBe(1);
        (await ListAsync(app.Id, "notifications")).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("{", "non_field_errors")]
    [InlineData("[]", "non_field_errors")]
    [InlineData("{}", "signedPayload")]
    [InlineData("""{"signedPayload": 5}""", "signedPayload")]
    [InlineData("""{"signedPayload": "not-a-jws"}""", "signedPayload")]
    [InlineData("""{"signedPayload": "a.b.c"}""", "signedPayload")]
    public async Task Post_WhenTheBodyIsMalformed_ShouldAnswer400(string body, string source)
    {
        using var client = Api.CreateClient();

        var response = await client.PostAsync(Webhook, Json(body));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", source);
    }

    [Fact]
    public async Task Post_WhenANotificationArrivesTwiceAndAForgeryOnce_ShouldCountEachByOutcomeAndType()
    {
        using var received = new MetricCollector<long>(
            Api.Services.GetRequiredService<IMeterFactory>(), WebhookMetrics.MeterName, "refundsaver.notifications.received");
        var (_, bundleId) = await ConfiguredAppAsync();
        var notification = Notification("ONE_TIME_CHARGE", bundleId, signedTransaction: Transaction(bundleId, "2000000077", Signed));
        using var stranger = SigningChain.Create();

        await PostAsync(notification);
        await PostAsync(notification);
        await PostAsync(Notification("ONE_TIME_CHARGE", bundleId, chain: stranger));

        received.GetMeasurementSnapshot()
            .Select(measurement => $"{measurement.Value} {measurement.Tags["outcome"]} {measurement.Tags.GetValueOrDefault("type")}")
            .ShouldBe(["1 stored ONE_TIME_CHARGE", "1 duplicate ONE_TIME_CHARGE", "1 invalid_signed_payload "]);
    }

    [Fact]
    public async Task Post_WhenTheBodyIsTooLarge_ShouldAnswer413()
    {
        using var client = Api.CreateClient();

        var response = await client.PostAsync(Webhook, Json($$"""{"signedPayload": "{{new string('a', 70_000)}}"}"""));

        await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task Post_WhenSignedByAChainNobodyTrusts_ShouldAnswer401AndStoreNothing()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        using var stranger = SigningChain.Create();
        var forged = new JwsSigner(stranger).Sign(new JsonObject
        {
            ["notificationType"] = "TEST",
            ["notificationUUID"] = Guid.NewGuid().ToString(),
            ["signedDate"] = Signed.ToUnixTimeMilliseconds(),
            ["data"] = new JsonObject { ["bundleId"] = bundleId, ["environment"] = "Sandbox" },
        }.ToJsonString());

        var response = await PostAsync(forged);

        ShouldSayOnlyItCouldNotBeVerified(
            await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_signed_payload", "signedPayload"));
        (await ListAsync(app.Id, "notifications")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WhenSignedByAnotherAppsTrustedRoot_ShouldAnswer401()
    {
        var (_, trustingBundleId) = await ConfiguredAppAsync();
        var other = await CreateAppAsync();
        var otherBundleId = "com.example.other" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = Api.CreateAdminClient())
        {
            (await admin.PatchAsJsonAsync($"/admin/api/apps/{other.Id}", new { bundle_id = otherBundleId }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var trusted = await PostAsync(Notification("TEST", trustingBundleId));
        var borrowed = await PostAsync(Notification("TEST", otherBundleId));

        trusted.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeErrorAsync(borrowed, HttpStatusCode.Unauthorized, "invalid_signed_payload");
    }

    [Fact]
    public async Task Post_WhenTheNestedTransactionIsForged_ShouldAnswer401()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        using var stranger = SigningChain.Create();
        var forgedTransaction = new JwsSigner(stranger).Sign("""{"transactionId":"2000000100","bundleId":"x"}""");

        var response = await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: forgedTransaction));

        await ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_signed_payload");
        (await ListAsync(app.Id, "consumption-requests")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_WhenNoAppHasTheBundleId_ShouldAnswer422UntilTheAppIsConfigured()
    {
        var app = await CreateAppAsync();
        var bundleId = "com.example.later" + Guid.NewGuid().ToString("N")[..8];
        var jws = Notification("TEST", bundleId, chain: ConfiguredChain);

        var before = await PostAsync(jws);
        using (var admin = Api.CreateAdminClient())
        {
            (await admin.PatchAsJsonAsync($"/admin/api/apps/{app.Id}", new { bundle_id = bundleId }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var retry = await PostAsync(jws);

        await ShouldBeErrorAsync(before, HttpStatusCode.UnprocessableEntity, "app_not_configured");
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_WhenTheAppDoesNotAcceptThatEnvironment_ShouldAnswer422()
    {
        var (_, bundleId) = await ConfiguredAppAsync("Production");

        var response = await PostAsync(Notification("TEST", bundleId, environment: "Sandbox"));

        var body = await ShouldBeErrorAsync(response, HttpStatusCode.UnprocessableEntity, "app_not_configured");
        body.ToJsonString().ShouldContain("Sandbox");
    }

    [Fact]
    public async Task Post_WhenAProductionNotificationCarriesAnotherAppleAppId_ShouldAnswer422()
    {
        var (_, bundleId) = await ConfiguredAppAsync();

        var wrongId = await PostAsync(Notification("TEST", bundleId, environment: "Production", appAppleId: 42));
        var rightId = await PostAsync(Notification("TEST", bundleId, environment: "Production"));

        await ShouldBeErrorAsync(wrongId, HttpStatusCode.UnprocessableEntity, "app_not_configured");
        rightId.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_WhenTheNotificationCarriesNoCredentials_ShouldLogNothingAboutAuthentication()
    {
        // Authentication runs for every request, the webhook's too (the fallback policy's schemes): a
        // record per notification at Information cost the Aspire dashboard a core in the benchmark.
        var (_, bundleId) = await ConfiguredAppAsync();
        await using var host = new ApiFactory(
            Api.DatabaseConnectionString, Servers.RedisConnectionString, RealServersFixture.AdminToken, DefaultSettings,
            services => services.AddFakeLogging());
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync(Webhook, new { signedPayload = Notification("TEST", bundleId) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Services.GetFakeLogCollector().GetSnapshot().ShouldNotContain(
            record => record.Level >= LogLevel.Information && record.Category != null && record.Category.Contains("Authentication"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WhenProductionIsSignedUnderANonAppleRootWithoutTheOptIn_ShouldAnswer401AndStoreNothing(bool appsOwnRoot)
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var chain = appsOwnRoot ? _chain : ConfiguredChain;
        await using var withoutOptIn = new ApiFactory(
            Api.DatabaseConnectionString, Servers.RedisConnectionString, RealServersFixture.AdminToken, DefaultSettings,
            services => services.AddFakeLogging());
        using var client = withoutOptIn.CreateClient();

        var production = await client.PostAsJsonAsync(Webhook, new
        {
            signedPayload = Notification("CONSUMPTION_REQUEST", bundleId, environment: "Production", chain: chain,
                signedTransaction: Transaction(bundleId, "2000000700", Signed, environment: "Production")),
        });
        var sandbox = await client.PostAsJsonAsync(Webhook, new { signedPayload = Notification("TEST", bundleId, chain: chain) });

        var body = await ShouldBeErrorAsync(production, HttpStatusCode.Unauthorized, "invalid_signed_payload", "signedPayload");
        ShouldSayOnlyItCouldNotBeVerified(body);
        withoutOptIn.Services.GetFakeLogCollector().GetSnapshot().ShouldContain(record => record.Level == LogLevel.Warning
            && record.Message.Contains("set AppStore:Verification:AllowExtraRootsInProduction=true to trust it for Production"));
        sandbox.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(app.Id, "notifications")).ShouldHaveSingleItem()!["environment"]!.GetValue<string>().ShouldBe("Sandbox");
        (await ListAsync(app.Id, "consumption-requests")).ShouldBeEmpty();
        (await CountAsync("SELECT count(*) FROM app_store_transactions WHERE app_id = @app", app.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WhenProductionIsSignedUnderANonAppleRootWithTheOptIn_ShouldStoreIt(bool appsOwnRoot)
    {
        var (app, bundleId) = await ConfiguredAppAsync();

        var response = await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, environment: "Production",
            chain: appsOwnRoot ? _chain : ConfiguredChain,
            signedTransaction: Transaction(bundleId, "2000000710", Signed, environment: "Production")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(app.Id, "notifications")).ShouldHaveSingleItem()!["environment"]!.GetValue<string>().ShouldBe("Production");
        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["transaction_id"]!.GetValue<string>().ShouldBe("2000000710");
    }

    [Theory]
    [InlineData("""{"environments": ["Staging"]}""", "environments")]
    [InlineData("""{"environments": []}""", "environments")]
    [InlineData("""{"extra_trusted_roots": ["not a certificate"]}""", "extra_trusted_roots")]
    [InlineData("""{"apple_app_id": -1}""", "apple_app_id")]
    [InlineData("""{"apple_app_id": "12"}""", "apple_app_id")]
    [InlineData("""{"bundle_id": ""}""", "bundle_id")]
    public async Task PatchApp_WhenASettingIsBad_ShouldAnswer400NamingIt(string json, string field)
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();

        var response = await admin.PatchAsync($"/admin/api/apps/{app.Id}", Json(json));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
    }

    [Fact]
    public async Task PatchApp_WhenAnExtraTrustedRootIsNotACertificateAuthority_ShouldAnswer400NamingIt()
    {
        var app = await CreateAppAsync();
        using var admin = Api.CreateAdminClient();

        var leaf = await admin.PatchAsJsonAsync($"/admin/api/apps/{app.Id}", new
        {
            extra_trusted_roots = new[] { _chain.Root.ExportCertificatePem(), _chain.Leaf.ExportCertificatePem() },
        });
        var ca = await admin.PatchAsJsonAsync($"/admin/api/apps/{app.Id}", new
        {
            extra_trusted_roots = new[] { _chain.Root.ExportCertificatePem(), _chain.Intermediate.ExportCertificatePem() },
        });

        var body = await ShouldBeErrorAsync(leaf, HttpStatusCode.BadRequest, "validation_error", "extra_trusted_roots");
        body.ToJsonString().ShouldContain("Root 1 (CN=");
        body.ToJsonString().ShouldContain("is not a certificate authority: it lacks basicConstraints CA=true");
        body.ToJsonString().ShouldNotContain("Root 0");
        ca.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetApp_WhenConfigured_ShouldShowItsAppStoreIdentity()
    {
        var (app, bundleId) = await ConfiguredAppAsync("Production");
        using var admin = Api.CreateAdminClient();

        var shown = await ReadJsonAsync(await admin.GetAsync($"/admin/api/apps/{app.Id}"));

        shown["bundle_id"]!.GetValue<string>().ShouldBe(bundleId);
        shown["apple_app_id"]!.GetValue<long>().ShouldBe(AppleAppId);
        shown["environments"]!.AsArray().Select(node => node!.GetValue<string>()).ShouldBe(["Production"]);
        shown["extra_trusted_roots"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldStartWith("-----BEGIN CERTIFICATE-----");
    }

    [Fact]
    public async Task ListNotifications_WhenPagedAndFiltered_ShouldAnswerNewestFirst()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        for (var index = 0; index < 3; index++)
        {
            await PostAsync(Notification(index == 1 ? "DID_RENEW" : "TEST", bundleId));
        }

        using var admin = Api.CreateAdminClient();
        var firstPage = await ReadJsonAsync(await admin.GetAsync($"/admin/api/apps/{app.Id}/notifications?page_size=2"));
        var renewals = await ReadJsonAsync(await admin.GetAsync($"/admin/api/apps/{app.Id}/notifications?type=DID_RENEW"));
        var badPage = await admin.GetAsync($"/admin/api/apps/{app.Id}/notifications?page=zero");
        var badState = await admin.GetAsync($"/admin/api/apps/{app.Id}/consumption-requests?state=lost");

        firstPage["data"]!.AsArray().Count.ShouldBe(2);
        firstPage["has_more"]!.GetValue<bool>().ShouldBeTrue();
        firstPage["data"]![0]!["notification_type"]!.GetValue<string>().ShouldBe("TEST");
        renewals["data"]!.AsArray().ShouldHaveSingleItem();
        await ShouldBeErrorAsync(badPage, HttpStatusCode.BadRequest, "validation_error", "page");
        await ShouldBeErrorAsync(badState, HttpStatusCode.BadRequest, "validation_error", "state");
    }

    private const string LinkPath = "/api/v2/server-side-api/purchase/app-store/transactions/link/";

    private static async Task<Guid> CreateProfileAsync(TestApp app, string customerUserId, string body = "{}")
    {
        var created = await app.Client.SendAsync(Request(HttpMethod.Post, "/api/v2/server-side-api/profile/", body, customerUserId));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((await ReadJsonAsync(created))["data"]!["profile_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Link_WhenThePurchaseIsAlreadyKnown_ShouldGiveItsLedgerRowAndRequestToTheProfile()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var profileId = await CreateProfileAsync(app, "linker");
        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000200", Signed)));
        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["profile_id"].ShouldBeNull();

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, LinkPath, """{"original_transaction_id": "2000000200"}""", "linker"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = await ReadJsonAsync(response);
        link["profile_id"]!.GetValue<string>().ShouldBe(profileId.ToString());
        link["transactions_linked"]!.GetValue<int>().ShouldBe(1);
        link["consumption_requests_linked"]!.GetValue<int>().ShouldBe(1);
        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["profile_id"]!.GetValue<string>()
            .ShouldBe(profileId.ToString());
    }

    [Fact]
    public async Task Link_WhenItsSecondWriteFails_ShouldLeaveNothingOfTheFirst()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        await CreateProfileAsync(app, "half-linker");
        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000400", Signed)));
        // The link is written first; moving the ledger's rows to the profile, second, fails.
        await ExecuteAsync("""
            CREATE FUNCTION planted_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'planted failure'; END $$;
            CREATE TRIGGER planted_failure BEFORE UPDATE ON app_store_transactions
                FOR EACH ROW WHEN (OLD.original_transaction_id = '2000000400') EXECUTE FUNCTION planted_failure();
            """);
        try
        {
            var failed = await app.Client.SendAsync(Request(HttpMethod.Post, LinkPath, """{"original_transaction_id": "2000000400"}""", "half-linker"));

            failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            (await CountAsync("SELECT count(*) FROM transaction_links WHERE app_id = @app", app.Id)).ShouldBe(0, "the link was rolled back with the failed move");
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER planted_failure ON app_store_transactions; DROP FUNCTION planted_failure();");
        }

        (await app.Client.SendAsync(Request(HttpMethod.Post, LinkPath, """{"original_transaction_id": "2000000400"}""", "half-linker")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync("SELECT count(*) FROM transaction_links WHERE app_id = @app", app.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Link_WhenMadeBeforeThePurchaseArrives_ShouldGiveTheLaterRequestToTheProfile()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var profileId = await CreateProfileAsync(app, "early");
        (await app.Client.SendAsync(Request(HttpMethod.Post, LinkPath, """{"original_transaction_id": "2000000300"}""", "early")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId, signedTransaction: Transaction(bundleId, "2000000300", Signed)));

        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["profile_id"]!.GetValue<string>()
            .ShouldBe(profileId.ToString());
    }

    [Theory]
    [InlineData("""{"original_transaction_id": "2000000400"}""", "ghost", "profile_does_not_exist", "non_field_errors")]
    [InlineData("""{"original_transaction_id": ""}""", "exists", "validation_error", "original_transaction_id")]
    [InlineData("""{"original_transaction_id": "20 00"}""", "exists", "validation_error", "original_transaction_id")]
    [InlineData("""{}""", "exists", "validation_error", "original_transaction_id")]
    [InlineData("""{"original_transaction_id": 2000000400}""", "exists", "validation_error", "original_transaction_id")]
    public async Task Link_WhenInputIsBad_ShouldAnswer400NamingIt(string json, string customerUserId, string code, string source)
    {
        var (app, _) = await ConfiguredAppAsync();
        await CreateProfileAsync(app, "exists");

        var response = await app.Client.SendAsync(Request(HttpMethod.Post, LinkPath, json, customerUserId));

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest, code, source);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_WhenThePurchaseCarriesAProfilesOwnAppAccountToken_ShouldGiveTheRequestToThatProfile(bool tokenGiven)
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var given = Guid.NewGuid();
        var profileId = await CreateProfileAsync(app, "with-token", tokenGiven ? $$"""{"app_account_token": "{{given}}"}""" : "{}");
        await CreateProfileAsync(app, "another");

        await PostAsync(Notification("CONSUMPTION_REQUEST", bundleId,
            signedTransaction: Transaction(bundleId, "2000000500", Signed, appAccountToken: tokenGiven ? given : profileId)));

        (await ListAsync(app.Id, "consumption-requests")).ShouldHaveSingleItem()!["profile_id"]!.GetValue<string>()
            .ShouldBe(profileId.ToString());
    }

    [Fact]
    public async Task Profile_WhenItsPurchasesAreInTheLedger_ShouldShowTheirRevenueInUsdWithoutRefunds()
    {
        var (app, bundleId) = await ConfiguredAppAsync();
        var profileId = await CreateProfileAsync(app, "buyer");
        await PostAsync(Notification("ONE_TIME_CHARGE", bundleId,
            signedTransaction: Transaction(bundleId, "2000000600", Signed, price: 4990, appAccountToken: profileId)));
        await PostAsync(Notification("ONE_TIME_CHARGE", bundleId,
            signedTransaction: Transaction(bundleId, "2000000601", Signed, price: 1990, appAccountToken: profileId)));
        await PostAsync(Notification("REFUND", bundleId,
            signedTransaction: Transaction(bundleId, "2000000602", Signed, price: 9990, appAccountToken: profileId, revocationDate: Signed)));

        var shown = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, "/api/v2/server-side-api/profile/", customerUserId: "buyer")));

        shown["data"]!["total_revenue_usd"]!.GetValue<decimal>().ShouldBe(6.98m); // milliunits: 4990 is 4.99
    }

    [Fact]
    public async Task Profile_WhenAnotherProfileHasTheToken_ShouldAnswer409AndShowEachProfilesToken()
    {
        var (app, _) = await ConfiguredAppAsync();
        var firstId = await CreateProfileAsync(app, "first");
        await CreateProfileAsync(app, "second");

        var clash = await app.Client.SendAsync(Request(
            HttpMethod.Patch, "/api/v2/server-side-api/profile/", $$"""{"app_account_token": "{{firstId}}"}""", "second"));
        var shown = await ReadJsonAsync(await app.Client.SendAsync(Request(HttpMethod.Get, "/api/v2/server-side-api/profile/", customerUserId: "first")));

        await ShouldBeErrorAsync(clash, HttpStatusCode.Conflict, "app_account_token_taken", "app_account_token");
        shown["data"]!["app_account_token"]!.GetValue<string>().ShouldBe(firstId.ToString());
    }
}
