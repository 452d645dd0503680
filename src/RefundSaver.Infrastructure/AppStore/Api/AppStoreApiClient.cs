using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using RefundSaver.Application.AppStore.Api;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// The App Store Server API over a typed <see cref="HttpClient"/>: a fresh or cached ES256 bearer
/// token per attempt, the quick retries of <see cref="AppStoreResiliencePipeline"/>, and Apple's
/// answer as an <see cref="AppStoreAnswer"/>. Logs each attempt at Debug and each final failure at
/// Warning, never a token or a key.
/// </summary>
internal sealed partial class AppStoreApiClient(
    HttpClient http,
    AppStoreTokenFactory tokens,
    AppStoreResiliencePipeline resilience,
    IOptions<AppStoreApiOptions> options,
    TimeProvider clock,
    ILogger<AppStoreApiClient> logger) : IAppStoreApi
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The typed client's settings: the pipeline times out each attempt, so the client itself never does.</summary>
    public static void Configure(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.MaxResponseContentBufferSize = 1024 * 1024;
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("RefundSaver", "1.0"));
    }

    /// <summary>Pooled connections are renewed now and then, so a long-lived client still follows DNS changes.</summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public void PrepareToken(AppStoreCall call) => tokens.GetToken(call);

    public async Task<AppStoreAnswer> SendConsumptionAsync(
        AppStoreCall call, string apiVersion, string transactionId, string jsonBody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        ArgumentNullException.ThrowIfNull(jsonBody);
        var version = apiVersion?.ToLowerInvariant() switch
        {
            AppStoreApiVersions.V1 => AppStoreApiVersions.V1,
            AppStoreApiVersions.V2 => AppStoreApiVersions.V2,
            _ => throw new ArgumentOutOfRangeException(nameof(apiVersion), apiVersion, "Send Consumption Information is 'v1' or 'v2'."),
        };
        var request = new AppStoreRequest(
            "SendConsumption" + version.ToUpperInvariant(),
            call,
            HttpMethod.Put,
            Endpoint(call.Environment, $"inApps/{version}/transactions/consumption/{Uri.EscapeDataString(transactionId)}"),
            Encoding.UTF8.GetBytes(jsonBody));
        var (answer, _) = await SendAsync(request, ct);
        return answer;
    }

    public async Task<(AppStoreAnswer Answer, string? Token)> RequestTestNotificationAsync(AppStoreCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = new AppStoreRequest(
            "RequestTestNotification", call, HttpMethod.Post, Endpoint(call.Environment, "inApps/v1/notifications/test"), jsonBody: null);
        var (answer, body) = await SendAsync(request, ct);
        return (answer, answer.Kind == AppStoreAnswerKind.Accepted ? AppStoreResponses.TestNotificationToken(body) : null);
    }

    public async Task<(AppStoreAnswer Answer, TestNotificationStatus? Status)> GetTestNotificationStatusAsync(
        AppStoreCall call, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var request = new AppStoreRequest(
            "GetTestNotificationStatus",
            call,
            HttpMethod.Get,
            Endpoint(call.Environment, $"inApps/v1/notifications/test/{Uri.EscapeDataString(token)}"),
            jsonBody: null);
        var (answer, body) = await SendAsync(request, ct);
        return (answer, answer.Kind == AppStoreAnswerKind.Accepted ? AppStoreResponses.TestNotificationStatus(body) : null);
    }

    /// <summary>The environment's base URL, path prefix included, then <paramref name="path"/>.</summary>
    private Uri Endpoint(AppStoreEnvironment environment, string path)
    {
        var baseUrl = environment == AppStoreEnvironment.Production ? options.Value.ProductionBaseUrl : options.Value.SandboxBaseUrl;
        return new Uri($"{baseUrl.TrimEnd('/')}/{path}", UriKind.Absolute);
    }

    /// <summary>Runs the attempts and reads the last one into an answer (and the whole body, for the callers that parse it).</summary>
    private async Task<(AppStoreAnswer Answer, string Body)> SendAsync(AppStoreRequest request, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(ct);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            context.Properties.Set(AppStoreResiliencePipeline.RequestKey, request);
            outcome = await resilience.Pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Client.AttemptAsync(context, state.Request), context, (Client: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } exception)
        {
            var failure = Failure(exception, request, clock.GetElapsedTime(started), ct);
            LogFailure(failure, request);
            return (failure, string.Empty);
        }

        using var response = outcome.Result!;
        var body = await response.Content.ReadAsStringAsync(ct);
        var answer = Answer(response, body, request, clock.GetElapsedTime(started));
        if (answer.Kind == AppStoreAnswerKind.Accepted)
        {
            LogAccepted(logger, request.Operation, request.Call.BundleId, request.Call.Environment, answer.StatusCode, answer.Attempts, answer.Elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailure(answer, request);
        }

        return (answer, body);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, AppStoreRequest request)
    {
        request.Attempts++;
        if (request.RenewToken)
        {
            tokens.Invalidate(request.Token!);
            request.RenewToken = false;
        }

        request.Token = tokens.GetToken(request.Call);
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
        if (request.JsonBody is { } body)
        {
            message.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }

        var started = clock.GetTimestamp();
        try
        {
            var response = await http.SendAsync(message, context.CancellationToken);
            LogAttempt(logger, request.Operation, request.Attempts, request.Uri.AbsolutePath, (int)response.StatusCode, clock.GetElapsedTime(started).TotalMilliseconds);
            return Outcome.FromResult(response);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            LogAttemptFailed(logger, request.Operation, request.Attempts, request.Uri.AbsolutePath, exception.GetType().Name, clock.GetElapsedTime(started).TotalMilliseconds);
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private AppStoreAnswer Answer(HttpResponseMessage response, string body, AppStoreRequest request, TimeSpan elapsed)
    {
        var status = (int)response.StatusCode;
        var kind = AppStoreResponses.KindOf(status);
        var (errorCode, errorMessage) = kind == AppStoreAnswerKind.Accepted ? (null, null) : AppStoreResponses.Error(body);
        var retryAfter = RetryAfterHeader.Parse(response.Headers, clock.GetUtcNow());
        return new AppStoreAnswer(kind, status, errorCode, errorMessage, retryAfter, elapsed, AppStoreResponses.Truncate(body))
        {
            Attempts = request.Attempts,
        };
    }

    /// <summary>No HTTP answer: a timeout or a network error is an answer; the caller's cancellation and a bad key are not.</summary>
    private AppStoreAnswer Failure(Exception exception, AppStoreRequest request, TimeSpan elapsed, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (exception is not (TimeoutRejectedException or OperationCanceledException or HttpRequestException))
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        var (kind, message) = exception is HttpRequestException http
            ? (AppStoreAnswerKind.NetworkError, http.Message)
            : (AppStoreAnswerKind.Timeout, $"No answer within {resilience.AttemptTimeout.TotalSeconds:0.###} s.");
        return new AppStoreAnswer(kind, null, null, message, null, elapsed, null) { Attempts = request.Attempts };
    }

    private void LogFailure(AppStoreAnswer answer, AppStoreRequest request) =>
        LogFailed(
            logger,
            request.Operation,
            request.Call.BundleId,
            request.Call.Environment,
            answer.Kind,
            answer.StatusCode,
            answer.ErrorCode,
            answer.ErrorMessage,
            answer.Attempts,
            answer.Elapsed.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App Store {Operation} attempt {Attempt}: {Path} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void LogAttempt(ILogger logger, string operation, int attempt, string path, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App Store {Operation} attempt {Attempt}: {Path} gave no answer ({Failure}) after {ElapsedMs:0} ms")]
    private static partial void LogAttemptFailed(ILogger logger, string operation, int attempt, string path, string failure, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App Store {Operation} for {BundleId} ({Environment}) accepted with {StatusCode} after {Attempts} attempt(s) in {ElapsedMs:0} ms")]
    private static partial void LogAccepted(
        ILogger logger, string operation, string bundleId, AppStoreEnvironment environment, int? statusCode, int attempts, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "App Store {Operation} for {BundleId} ({Environment}) failed: {Kind}, status {StatusCode}, error code {ErrorCode} ({ErrorMessage}) after {Attempts} attempt(s) in {ElapsedMs:0} ms")]
    private static partial void LogFailed(
        ILogger logger,
        string operation,
        string bundleId,
        AppStoreEnvironment environment,
        AppStoreAnswerKind kind,
        int? statusCode,
        long? errorCode,
        string? errorMessage,
        int attempts,
        double elapsedMs);
}
