using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// The quick retries inside one call to Apple: each attempt has its own timeout; up to
/// <see cref="MaxQuickRetries"/> retries with exponential, jittered backoff for network errors,
/// timeouts and 500/502/503/504; a 429 only when its <c>Retry-After</c> is a moment away, waiting
/// exactly that long; a 401 once, at once, with a new token. A call that takes turns
/// (<see cref="Application.AppStore.Api.AppStoreCall.TakesTurns"/>) gets the 401's retry only. Everything else (400, 403, 404, a 429
/// further away) is returned for the caller to store and reschedule.
/// </summary>
internal sealed partial class AppStoreResiliencePipeline
{
    public const int MaxQuickRetries = 2;

    public static readonly ResiliencePropertyKey<AppStoreRequest> RequestKey = new("RefundSaver.AppStore.Request");

    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxInlineRetryAfter;
    private readonly ILogger _logger;

    public AppStoreResiliencePipeline(IOptions<AppStoreApiOptions> options, TimeProvider clock, ILogger<AppStoreResiliencePipeline> logger)
    {
        _clock = clock;
        _logger = logger;
        var client = options.Value.Client;
        _maxInlineRetryAfter = TimeSpan.FromSeconds(client.MaxInlineRetryAfterSeconds);
        AttemptTimeout = TimeSpan.FromSeconds(client.AttemptTimeoutSeconds);
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxQuickRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(client.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, Request(args.Context))),
                DelayGenerator = args => ValueTask.FromResult(DelayFor(args.Outcome)),
                OnRetry = args =>
                {
                    OnRetry(args.Outcome, Request(args.Context), args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public TimeSpan AttemptTimeout { get; }

    private static AppStoreRequest Request(ResilienceContext context) => context.Properties.GetValue(RequestKey, null!);

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, AppStoreRequest request) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.Unauthorized } => !request.TokenRenewed,
        _ when request.Call.TakesTurns => false,
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        { Exception: not null } => false,
        { Result: { } response } => response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => InlineWait(response) is not null,
            HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>A 401 retries at once and a 429 at its <c>Retry-After</c>; null leaves the exponential backoff.</summary>
    private TimeSpan? DelayFor(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode switch
    {
        HttpStatusCode.Unauthorized => TimeSpan.Zero,
        HttpStatusCode.TooManyRequests => InlineWait(outcome.Result),
        _ => null,
    };

    /// <summary>How long until a 429's <c>Retry-After</c>, when that is soon enough to wait inline.</summary>
    private TimeSpan? InlineWait(HttpResponseMessage response)
    {
        var now = _clock.GetUtcNow();
        if (RetryAfterHeader.Parse(response.Headers, now) is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter - now;
        return wait <= _maxInlineRetryAfter ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    private void OnRetry(Outcome<HttpResponseMessage> outcome, AppStoreRequest request, TimeSpan delay)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.Unauthorized)
        {
            request.RenewToken = true;
            request.TokenRenewed = true;
        }

        LogRetry(
            _logger,
            request.Operation,
            request.Attempts + 1,
            outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : outcome.Exception?.GetType().Name,
            delay.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "App Store {Operation}: attempt {Attempt} after {Outcome} in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string operation, int attempt, string? outcome, double delayMs);
}
