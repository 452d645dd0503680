using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using RefundSaver.AppStoreSimulator.AppleApi;
using RefundSaver.AppStoreSimulator.Control;

namespace RefundSaver.AppStoreSimulator.Errors;

/// <summary>
/// Bad input never becomes a 500: a body that cannot be read as the expected JSON is a 400 with
/// what was wrong. Anything else is a 500, in Apple's shape (GeneralInternalError) on Apple's API.
/// </summary>
public sealed partial class SimulatorExceptionHandler(ILogger<SimulatorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var response = httpContext.Response;
        if (exception is BadHttpRequestException badRequest)
        {
            var message = badRequest.InnerException is { } inner ? $"{badRequest.Message} {inner.Message}" : badRequest.Message;
            LogBadRequest(httpContext.Request.Path, message);
            response.StatusCode = badRequest.StatusCode;
            await response.WriteAsJsonAsync(new ControlError(message), cancellationToken);
            return true;
        }

        LogUnexpected(exception, httpContext.Request.Path);
        response.StatusCode = StatusCodes.Status500InternalServerError;
        if (IsAppleApi(httpContext.Request.Path))
        {
            response.ContentType = "application/json";
            var error = AppleErrors.GeneralInternal;
            await JsonSerializer.SerializeAsync(response.Body, new AppleErrorBody(error.Code, error.Message), cancellationToken: cancellationToken);
            return true;
        }

        await response.WriteAsJsonAsync(new ControlError($"Unexpected error: {exception.Message}"), cancellationToken);
        return true;
    }

    private static bool IsAppleApi(PathString path) =>
        path.StartsWithSegments("/inApps") || path.StartsWithSegments(AppStoreApiEndpoints.SandboxPrefix + "/inApps");

    [LoggerMessage(Level = LogLevel.Information, Message = "400 for {Path}: {Message}")]
    private partial void LogBadRequest(string path, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error for {Path}")]
    private partial void LogUnexpected(Exception exception, string path);
}
