using Microsoft.AspNetCore.Diagnostics;

namespace RefundSaver.Api.Errors;

/// <summary>Answers that the framework makes with no body (unknown path, wrong method) get the API's error shape too.</summary>
internal static class StatusCodePageWriter
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var statusCode = context.HttpContext.Response.StatusCode;
        var (code, message) = statusCode switch
        {
            StatusCodes.Status404NotFound => ("not_found", "Not found."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", $"Method \"{context.HttpContext.Request.Method}\" not allowed."),
            StatusCodes.Status413PayloadTooLarge => ("request_too_large", "The request body is too large."),
            _ => ("error", $"The request failed with status {statusCode}."),
        };
        return ApiErrors.Single(statusCode, code, message).ExecuteAsync(context.HttpContext);
    }
}
