using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RefundSaver.Api.Errors;

namespace RefundSaver.Api.Authentication;

/// <summary>An authentication handler whose challenge is seed 000's 401 <c>not_authenticated</c> body.</summary>
internal abstract partial class ErrorChallengeHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var message = result.Failure?.Message ?? AuthenticationSchemes.NotProvided;
        LogRejected(Logger, Request.Method, Request.Path, Scheme.Name, message);
        await ApiErrors.Single(StatusCodes.Status401Unauthorized, "not_authenticated", message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.Single(StatusCodes.Status403Forbidden, "permission_denied", "You do not have permission to perform this action.")
            .ExecuteAsync(Context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} {Path} ({Scheme}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, string path, string scheme, string reason);
}
