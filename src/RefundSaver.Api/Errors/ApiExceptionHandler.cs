using Microsoft.AspNetCore.Diagnostics;
using RefundSaver.Infrastructure.Persistence;

namespace RefundSaver.Api.Errors;

/// <summary>The unexpected: an outage of our database is a 503 to retry; anything else is logged as a bug.</summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (statusCode, code, message) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "bad_request", bad.Message),
            _ when StorageFailures.IsDatabaseUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "service_unavailable", "The database is unavailable; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "server_error", "Internal server error."),
        };

        if (statusCode >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(logger, exception, context.Request.Method, context.Request.Path, statusCode);
        }

        if (statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = ApiErrors.RetryAfterSeconds;
        }

        await ApiErrors.Single(statusCode, code, message).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed with {StatusCode}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, int statusCode);
}
