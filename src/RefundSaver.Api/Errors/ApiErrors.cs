using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Api.Errors;

/// <summary>The one place where expected failures become HTTP answers.</summary>
public static partial class ApiErrors
{
    /// <summary>What a 503 asks callers (Apple among them) to wait before trying again.</summary>
    public const string RetryAfterSeconds = "5";

    public static int StatusCodeOf(Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ErrorBody BodyOf(Error error, int statusCode) => new(
        error.Details.Select(detail => new ErrorBodyEntry(WireNames.Of(detail.Source), detail.Messages)).ToList(),
        error.Code,
        statusCode);

    public static JsonHttpResult<ErrorBody> ToResult(this Error error, HttpContext context)
    {
        var statusCode = StatusCodeOf(error);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RefundSaver.Api.Errors");
        var reason = string.Join("; ", error.Details.Select(detail => $"{WireNames.Of(detail.Source)}: {string.Join(" ", detail.Messages)}"));
        // Client mistakes are routine; refusals that need an operator (422, 503) are not.
        var level = statusCode is StatusCodes.Status422UnprocessableEntity or >= StatusCodes.Status500InternalServerError
            ? LogLevel.Warning
            : LogLevel.Information;
        LogRejected(logger, level, context.Request.Method, context.Request.Path, statusCode, error.Code, reason);
        if (statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return TypedResults.Json(BodyOf(error, statusCode), statusCode: statusCode);
    }

    /// <summary>200 with the value, or the error's answer.</summary>
    public static Results<Ok<T>, JsonHttpResult<ErrorBody>> ToOkOrError<T>(this Result<T> result, HttpContext context) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToResult(context);

    public static JsonHttpResult<ErrorBody> Single(int statusCode, string code, string message) =>
        TypedResults.Json(
            new ErrorBody([new ErrorBodyEntry(WireNames.NonFieldErrors, [message])], code, statusCode),
            statusCode: statusCode);

    [LoggerMessage(Message = "Rejected {Method} {Path} with {StatusCode} {ErrorCode}: {Reason}")]
    private static partial void LogRejected(
        ILogger logger, LogLevel level, string method, string path, int statusCode, string errorCode, string reason);
}
