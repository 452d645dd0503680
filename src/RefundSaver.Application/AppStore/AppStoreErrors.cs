using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore;

public static class AppStoreErrors
{
    public const string SignedPayloadField = nameof(Notifications.Commands.ReceiveNotification.ReceiveNotificationCommand.SignedPayload);

    public static Error Malformed(string message) => Error.Validation(SignedPayloadField, message);

    /// <summary>
    /// The same words whatever failed: the precise reason goes to the log, since telling a forger
    /// which check stopped the payload would help the next attempt.
    /// </summary>
    public static Error NotVerified { get; } =
        new(ErrorKind.Unauthorized, "invalid_signed_payload", [new ErrorDetail(SignedPayloadField, ["The signed payload could not be verified."])]);

    public static Error CannotVerifyNow(string reason) =>
        new(ErrorKind.Unavailable, "verification_unavailable", [new ErrorDetail(SignedPayloadField, [reason])]);

    /// <summary>Apple signed it, but no configured app takes it: Apple retries, and a retry after the set-up succeeds.</summary>
    public static Error AppNotConfigured(string reason) =>
        new(ErrorKind.Unprocessable, "app_not_configured", [new ErrorDetail(Error.WholeRequest, [reason])]);
}
