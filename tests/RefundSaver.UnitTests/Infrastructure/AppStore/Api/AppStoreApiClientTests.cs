using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Domain.AppStore;
using RefundSaver.Infrastructure.AppStore.Api;

namespace RefundSaver.UnitTests.Infrastructure.AppStore.Api;

/// <summary>The client against a real Kestrel server on 127.0.0.1 that checks its tokens and answers like Apple.</summary>
public sealed class AppStoreApiClientTests : IAsyncLifetime
{
    private const string TransactionId = "2000000123456789";
    private const string V2Body = """{"customerConsented":true,"deliveryStatus":"DELIVERED","sampleContentProvided":false,"refundPreference":"DECLINE"}""";

    private readonly TestAppStoreKey _key = new();
    private readonly ListLogger<AppStoreApiClient> _logs = new();
    private FakeAppStore _apple = null!;

    public async Task InitializeAsync() => _apple = await FakeAppStore.StartAsync(_key);

    public async Task DisposeAsync()
    {
        await _apple.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleAccepts_ShouldPutTheBodyWithAVerifiedToken()
    {
        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.StatusCode.ShouldBe(202);
        answer.Attempts.ShouldBe(1);
        answer.IsRetryable.ShouldBeFalse();
        var request = _apple.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("PUT");
        request.Path.ShouldBe($"/sandbox/inApps/v2/transactions/consumption/{TransactionId}");
        request.ContentType.ShouldBe("application/json");
        request.Body.ShouldBe(V2Body);
        request.TokenVerified.ShouldBeTrue();
        request.BundleId.ShouldBe(TestAppStoreKey.BundleId);
    }

    [Theory]
    [InlineData("v1", AppStoreEnvironment.Sandbox, "/sandbox/inApps/v1/transactions/consumption/")]
    [InlineData("v2", AppStoreEnvironment.Sandbox, "/sandbox/inApps/v2/transactions/consumption/")]
    [InlineData("v1", AppStoreEnvironment.Production, "/production/inApps/v1/transactions/consumption/")]
    [InlineData("V2", AppStoreEnvironment.Production, "/production/inApps/v2/transactions/consumption/")]
    public async Task SendConsumptionAsync_WhenVersionAndEnvironmentVary_ShouldPutToTheirPathUnderTheBaseUrlPrefix(
        string version, AppStoreEnvironment environment, string pathStart)
    {
        var answer = await Client().SendConsumptionAsync(_key.Call(environment), version, TransactionId, "{}", CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        _apple.Requests.ShouldHaveSingleItem().Path.ShouldBe(pathStart + TransactionId);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenVersionIsUnknown_ShouldThrowWithoutCallingApple()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => Client().SendConsumptionAsync(_key.Call(), "v3", TransactionId, "{}", CancellationToken.None));

        _apple.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleAnswers400_ShouldBeRejectedWithItsErrorAndNotRetried()
    {
        _apple.ThenError(400, 4000047, "Invalid request. The transaction type is not supported.");

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Rejected);
        answer.StatusCode.ShouldBe(400);
        answer.ErrorCode.ShouldBe(4000047);
        answer.ErrorMessage.ShouldBe("Invalid request. The transaction type is not supported.");
        answer.ResponseBody.ShouldNotBeNull().ShouldContain("4000047");
        answer.IsRetryable.ShouldBeFalse();
        answer.Attempts.ShouldBe(1);
        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenTheTransactionIsNotFound_ShouldBeRejectedWith4040010AndNotRetried()
    {
        _apple.ThenError(404, 4040010, "Transaction id not found.");

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v1", TransactionId, "{}", CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Rejected);
        answer.StatusCode.ShouldBe(404);
        answer.ErrorCode.ShouldBe(4040010);
        answer.IsRetryable.ShouldBeFalse();
        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleAnswers401Once_ShouldRetryAtOnceWithANewTokenAndKeepIt()
    {
        var client = Client();
        _apple.Then(401);

        var answer = await client.SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);
        await client.SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.Attempts.ShouldBe(2);
        var requests = _apple.Requests;
        requests.Count.ShouldBe(3);
        requests.ShouldAllBe(request => request.TokenVerified);
        requests[1].Token.ShouldNotBe(requests[0].Token);
        requests[2].Token.ShouldBe(requests[1].Token, "the refused token left the cache, the new one stayed");
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleAnswers401Twice_ShouldBeUnauthorizedAfterOneRetry()
    {
        _apple.Then(401).Then(401).Then(202);

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Unauthorized);
        answer.StatusCode.ShouldBe(401);
        answer.Attempts.ShouldBe(2);
        _apple.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenRateLimitedForAMoment_ShouldWaitForRetryAfterAndRetryInline()
    {
        var retryAfter = DateTimeOffset.UtcNow.AddSeconds(1);
        _apple.ThenError(429, 4290000, "Rate limit exceeded.", retryAfter.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.Attempts.ShouldBe(2);
        var requests = _apple.Requests;
        requests.Count.ShouldBe(2);
        requests[1].At.ShouldBeGreaterThanOrEqualTo(retryAfter.AddMilliseconds(-50), "the retry honours Retry-After, not the short backoff");
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenRateLimitedForAMomentAndTheCallTakesTurns_ShouldReturnRateLimitedWithoutRetrying()
    {
        var retryAfter = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds());
        _apple.ThenError(429, 4290000, "Rate limit exceeded.", retryAfter.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var answer = await Client().SendConsumptionAsync(
            _key.Call() with { TakesTurns = true }, "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.RateLimited);
        answer.RetryAfter.ShouldBe(retryAfter);
        answer.Attempts.ShouldBe(1);
        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenRateLimitedForLong_ShouldReturnRateLimitedWithRetryAfter()
    {
        var retryAfter = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeMilliseconds());
        _apple.ThenError(429, 4290000, "Rate limit exceeded.", retryAfter.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.RateLimited);
        answer.StatusCode.ShouldBe(429);
        answer.ErrorCode.ShouldBe(4290000);
        answer.RetryAfter.ShouldBe(retryAfter);
        answer.IsRetryable.ShouldBeTrue();
        answer.Attempts.ShouldBe(1);
        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenApple500sTwice_ShouldRetryWithBackoffAndBeAccepted()
    {
        _apple.ThenError(500, 5000000, "An unknown error occurred.").ThenError(500, 5000001, "An unknown error occurred. Please try again.");

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.Attempts.ShouldBe(3);
        _apple.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenApple500sAndTheCallTakesTurns_ShouldReturnTheServerErrorWithoutRetrying()
    {
        _apple.ThenError(500, 5000000, "An unknown error occurred.").Then(202);

        var answer = await Client().SendConsumptionAsync(_key.Call() with { TakesTurns = true }, "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.ServerError);
        answer.StatusCode.ShouldBe(500);
        answer.Attempts.ShouldBe(1);
        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleAnswers401AndTheCallTakesTurns_ShouldStillRetryOnceWithANewToken()
    {
        _apple.Then(401).Then(202);

        var answer = await Client().SendConsumptionAsync(_key.Call() with { TakesTurns = true }, "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.Attempts.ShouldBe(2);
        _apple.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenApple500sEveryTime_ShouldStopAfterTwoRetriesAsServerError()
    {
        _apple.ThenError(500, 5000000, "a").ThenError(503, 5000000, "b").ThenError(500, 5000001, "c").Then(202);

        var answer = await Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.ServerError);
        answer.StatusCode.ShouldBe(500);
        answer.ErrorCode.ShouldBe(5000001);
        answer.IsRetryable.ShouldBeTrue();
        answer.Attempts.ShouldBe(3);
        _apple.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenAppleHangs_ShouldTimeOutEachAttemptAndAnswerTimeout()
    {
        _apple.ThenHang().ThenHang().ThenHang();

        var answer = await Client(attemptTimeoutSeconds: 0.3).SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Timeout);
        answer.StatusCode.ShouldBeNull();
        answer.IsRetryable.ShouldBeTrue();
        answer.Attempts.ShouldBe(3);
        answer.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.85));
        answer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "each attempt was cut at its timeout");
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenOnlyTheFirstAttemptHangs_ShouldRetryAfterItsTimeout()
    {
        _apple.ThenHang();

        var answer = await Client(attemptTimeoutSeconds: 1).SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        answer.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenTheConnectionIsRefused_ShouldAnswerNetworkErrorAfterRetries()
    {
        var nobody = $"http://127.0.0.1:{UnusedPort()}";

        var answer = await Client(baseUrl: nobody).SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.NetworkError);
        answer.StatusCode.ShouldBeNull();
        answer.ErrorMessage.ShouldNotBeNullOrEmpty();
        answer.IsRetryable.ShouldBeTrue();
        answer.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenTheKeyIsNotAKey_ShouldThrowInvalidAppStoreKeyWithoutCallingApple()
    {
        var call = _key.Call() with { Credentials = new AppStoreCredentials(TestAppStoreKey.IssuerId, _key.KeyId, "not a key") };

        await Should.ThrowAsync<InvalidAppStoreKeyException>(
            () => Client().SendConsumptionAsync(call, "v2", TransactionId, V2Body, CancellationToken.None));

        _apple.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenTheCallerCancels_ShouldThrowRatherThanAnswer()
    {
        _apple.ThenHang();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(
            () => Client().SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, cancellation.Token));

        _apple.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendConsumptionAsync_WhenItLogs_ShouldLogStatusAndErrorCodeButNeverTheTokenOrKey()
    {
        var client = Client();
        _apple.Then(401).ThenError(400, 4000035, "Invalid customer consented.");

        await client.SendConsumptionAsync(_key.Call(), "v2", TransactionId, V2Body, CancellationToken.None);

        var entries = _logs.Entries;
        entries.Count(entry => entry.Level == LogLevel.Debug && entry.Message.Contains("attempt", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2);
        var warning = entries.Where(entry => entry.Level == LogLevel.Warning).ShouldHaveSingleItem().Message;
        warning.ShouldContain("400");
        warning.ShouldContain("4000035");
        var keyBody = _key.Pem.Split('\n')[1];
        foreach (var (_, message) in entries)
        {
            foreach (var request in _apple.Requests)
            {
                message.ShouldNotContain(request.Token!);
                message.ShouldNotContain(request.Token!.Split('.')[2]);
            }

            message.ShouldNotContain(keyBody);
        }
    }

    [Fact]
    public async Task RequestTestNotificationAsync_WhenAppleAccepts_ShouldPostAndReturnTheToken()
    {
        _apple.Then(200, """{"testNotificationToken":"ce3af791-365e-4c60-841b-1674b43c1609_1634082000000"}""");

        var (answer, token) = await Client().RequestTestNotificationAsync(_key.Call(AppStoreEnvironment.Production), CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        token.ShouldBe("ce3af791-365e-4c60-841b-1674b43c1609_1634082000000");
        var request = _apple.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/production/inApps/v1/notifications/test");
        request.TokenVerified.ShouldBeTrue();
    }

    [Fact]
    public async Task GetTestNotificationStatusAsync_WhenAppleAnswers_ShouldReturnTheSendAttempts()
    {
        _apple.Then(200, """
            {"signedPayload":"eyJ.e30.c2ln","sendAttempts":[
              {"attemptDate":1698148900000,"sendAttemptResult":"NO_RESPONSE"},
              {"attemptDate":1698148950000,"sendAttemptResult":"SUCCESS"}]}
            """);

        var (answer, status) = await Client().GetTestNotificationStatusAsync(_key.Call(), "token_1", CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Accepted);
        status.ShouldNotBeNull();
        status.SignedPayload.ShouldBe("eyJ.e30.c2ln");
        status.Attempts.ShouldBe([
            new TestNotificationAttempt(DateTimeOffset.FromUnixTimeMilliseconds(1698148900000), "NO_RESPONSE"),
            new TestNotificationAttempt(DateTimeOffset.FromUnixTimeMilliseconds(1698148950000), "SUCCESS"),
        ]);
        var request = _apple.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.Path.ShouldBe("/sandbox/inApps/v1/notifications/test/token_1");
    }

    [Fact]
    public async Task GetTestNotificationStatusAsync_WhenTheTokenIsUnknown_ShouldBeRejectedWithoutStatus()
    {
        _apple.ThenError(400, 4000020, "Invalid request. The test notification token is invalid.");

        var (answer, status) = await Client().GetTestNotificationStatusAsync(_key.Call(), "nope", CancellationToken.None);

        answer.Kind.ShouldBe(AppStoreAnswerKind.Rejected);
        answer.ErrorCode.ShouldBe(4000020);
        status.ShouldBeNull();
    }

    private AppStoreApiClient Client(double attemptTimeoutSeconds = 5, string? baseUrl = null)
    {
        var options = Options.Create(new AppStoreApiOptions
        {
            ProductionBaseUrl = (baseUrl ?? _apple.Url) + "/production",
            SandboxBaseUrl = (baseUrl ?? _apple.Url) + "/sandbox/",
            Client = new AppStoreClientOptions { AttemptTimeoutSeconds = attemptTimeoutSeconds, RetryBaseDelayMilliseconds = 20 },
        });
        var clock = TimeProvider.System;
        var http = new HttpClient(AppStoreApiClient.CreateHandler());
        AppStoreApiClient.Configure(http);
        return new AppStoreApiClient(
            http,
            new AppStoreTokenFactory(clock),
            new AppStoreResiliencePipeline(options, clock, new ListLogger<AppStoreResiliencePipeline>()),
            options,
            clock,
            _logs);
    }

    private static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
