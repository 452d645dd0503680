using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RefundSaver.Api.Errors;
using RefundSaver.Api.RateLimiting;

namespace RefundSaver.Api.Authentication;

/// <summary>
/// An authentication handler whose challenge is seed 000's 401 <c>not_authenticated</c> body, or a 429
/// <c>throttled</c> once the client address has presented too many wrong credentials (<see cref="FailedAuthenticationThrottle"/>).
/// </summary>
internal abstract partial class ErrorChallengeHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    System.Text.Encodings.Web.UrlEncoder encoder,
    FailedAuthenticationThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string ThrottledMessage = "Too many wrong credentials from this address.";

    private TimeSpan? _throttledFor;

    /// <summary>
    /// The challenge's message for a request without credentials. Such a request gets no result rather
    /// than a failure: authentication runs for every request, the webhook's and the health probes'
    /// among them, and a failure is logged at Information each time.
    /// </summary>
    protected virtual string NoCredentialsMessage => AuthenticationSchemes.NotProvided;

    /// <summary>How long this request's address must wait before its credentials are checked again; else null.</summary>
    protected TimeSpan? ThrottledFor() => throttle.RetryAfter(Context.Connection.RemoteIpAddress);

    /// <summary>Refuses the request with a 429 instead of a 401.</summary>
    protected AuthenticateResult Throttled(TimeSpan retryAfter)
    {
        _throttledFor = retryAfter;
        return AuthenticateResult.Fail(ThrottledMessage);
    }

    /// <summary>Refuses a wrong credential, and counts it against the request's address.</summary>
    protected AuthenticateResult WrongCredential(string message)
    {
        throttle.RecordFailure(Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail(message);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (_throttledFor is { } retryAfter)
        {
            // The Warning is logged once per window, when the address reaches the limit, not per refused request.
            await ThrottledResponse.WriteAsync(Context, retryAfter, "this address presented too many wrong credentials");
            return;
        }

        var message = result.Failure?.Message ?? NoCredentialsMessage;
        LogRejected(Logger, Request.Method, Request.Path, Scheme.Name, message);
        await ApiErrors.Single(StatusCodes.Status401Unauthorized, "not_authenticated", message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.Single(StatusCodes.Status403Forbidden, "permission_denied", "You do not have permission to perform this action.")
            .ExecuteAsync(Context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} {Path} ({Scheme}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, string path, string scheme, string reason);
}
