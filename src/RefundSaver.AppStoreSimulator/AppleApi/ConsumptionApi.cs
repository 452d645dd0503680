using System.Text.Json;
using RefundSaver.AppStoreSimulator.Faults;
using RefundSaver.AppStoreSimulator.Model;
using RefundSaver.AppStoreSimulator.Recording;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Answers Send Consumption Information (V1 and V2) as Apple does, in this order: the token (401),
/// an injected fault, the rate limit (429), the transaction id (400 4000006), the transaction in
/// this environment and app (404 4040010), the body (400, with the field's error code), else 202.
/// Every call is recorded, with its answer.
/// </summary>
public sealed partial class ConsumptionApi(
    ApiAuthenticator authenticator,
    TransactionStore transactions,
    FaultInjector faults,
    ConsumptionRateLimiter rateLimiter,
    ConsumptionLog log,
    AppleAnswers answers,
    TimeProvider time,
    ILogger<ConsumptionApi> logger)
{
    public const int MaximumBodyBytes = 64 * 1024;

    public async Task<AppleAnswer> HandleAsync(
        HttpContext context, AppStoreEnvironment environment, ConsumptionApiVersion version, string transactionId)
    {
        var receivedAt = time.GetUtcNow();
        var rawBody = await ReadBodyAsync(context.Request, context.RequestAborted);
        var json = Parse(rawBody);
        var authentication = await authenticator.AuthenticateAsync(context.Request);
        AppleAnswer answer;
        if (authentication.Caller is null)
        {
            answer = AppleAnswers.Unauthorized(authentication.Failure!);
            LogUnauthorized(context.Request.Path, answer.Reason!);
        }
        else
        {
            try
            {
                answer = await AnswerAsync(authentication.Caller, environment, version, transactionId, rawBody, json, receivedAt, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                answer = new AppleAnswer(StatusCodes.Status499ClientClosedRequest, Reason: "The client went away before the answer.");
            }
        }

        log.Record(new ConsumptionCall(
            transactionId,
            authentication.ClaimedApp?.BundleId,
            receivedAt,
            version.ToString().ToLowerInvariant(),
            environment.ToString(),
            json,
            json is null ? rawBody : null,
            answer.Status,
            answer.ErrorCode,
            answer.Error?.Name));
        return answer;
    }

    private async Task<AppleAnswer> AnswerAsync(
        ApiCaller caller, AppStoreEnvironment environment, ConsumptionApiVersion version, string transactionId, string? rawBody, JsonElement? json, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var app = caller.App;
        if (faults.TryTake(app.BundleId) is { } fault)
        {
            if (fault.HangMs is > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(fault.HangMs.Value), time, cancellationToken);
            }

            if (fault.Status is < 200 or >= 300)
            {
                return FaultAnswer(fault);
            }
        }

        // Apple counts a call when it arrives, not when the simulator (on a busy machine) gets round to it.
        if (!rateLimiter.TryAcquire(app.BundleId, environment, receivedAt, out var retryAt))
        {
            // Rounded up: a client that waits until Retry-After gets its slot.
            return answers.Error(AppleErrors.RateLimitExceeded, retryAfter: retryAt.AddTicks(TimeSpan.TicksPerMillisecond - 1).ToUnixTimeMilliseconds());
        }

        if (transactionId.Length is 0 or > 64 || !transactionId.All(char.IsAsciiDigit))
        {
            return answers.Error(AppleErrors.InvalidTransactionId);
        }

        if (!transactions.TryGet(transactionId, out var transaction) || transaction.BundleId != app.BundleId)
        {
            return answers.Error(AppleErrors.TransactionIdNotFound);
        }

        if (transaction.Environment != environment)
        {
            return answers.Error(
                AppleErrors.TransactionIdNotFound, $"{AppleErrors.TransactionIdNotFound.Name}: the transaction is in {transaction.Environment}, not {environment}.");
        }

        if (json is not { ValueKind: JsonValueKind.Object } body)
        {
            return AppleAnswers.Malformed(rawBody is null ? "The body is too large." : "The body is not a JSON object.");
        }

        var error = version == ConsumptionApiVersion.V1
            ? ConsumptionRequestV1Validator.Validate(body, transaction.Type)
            : transaction.Details.FamilyShared
                ? AppleErrors.FamilyTransactionNotSupported
                : ConsumptionRequestValidator.Validate(body, transaction.Type);
        return error is null ? AppleAnswer.Accepted : answers.Error(error);
    }

    private AppleAnswer FaultAnswer(FaultRule fault)
    {
        var reason = $"Injected fault {fault.Id}.";
        if (fault.Status == StatusCodes.Status401Unauthorized)
        {
            return AppleAnswers.Unauthorized(reason);
        }

        var error = fault.ErrorCode is { } code
            ? AppleErrors.ByCode(code) ?? new AppleError("SimulatedError", fault.Status, code, "Simulated error.")
            : fault.Status switch
            {
                StatusCodes.Status400BadRequest => AppleErrors.GeneralBadRequest,
                StatusCodes.Status404NotFound => AppleErrors.TransactionIdNotFound,
                StatusCodes.Status429TooManyRequests => AppleErrors.RateLimitExceeded,
                StatusCodes.Status500InternalServerError => AppleErrors.GeneralInternal,
                _ => null,
            };
        long? retryAfter = fault.Status == StatusCodes.Status429TooManyRequests
            ? time.GetUtcNow().AddMilliseconds(fault.RetryAfterMs).ToUnixTimeMilliseconds()
            : null;
        return new AppleAnswer(fault.Status, error, fault.ErrorCode ?? (error is null ? null : answers.CodeOf(error)), retryAfter, reason);
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaximumBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JsonElement? Parse(string? rawBody)
    {
        if (string.IsNullOrWhiteSpace(rawBody))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(rawBody);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "401 for {Path}: {Reason}")]
    private partial void LogUnauthorized(string path, string reason);
}
