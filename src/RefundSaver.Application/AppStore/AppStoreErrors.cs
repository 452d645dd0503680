using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.AppStore;

public static class AppStoreErrors
{
    public const string SignedPayloadField = "signedPayload";

    public static Error Malformed(string message) => Error.Validation(SignedPayloadField, message);

    public static Error NotVerified(string reason) =>
        new(ErrorKind.Unauthorized, "invalid_signed_payload", [new ErrorDetail(SignedPayloadField, [reason])]);

    public static Error CannotVerifyNow(string reason) =>
        new(ErrorKind.Unavailable, "verification_unavailable", [new ErrorDetail(SignedPayloadField, [reason])]);

    /// <summary>Apple signed it, but no configured app takes it: Apple retries, and a retry after the set-up succeeds.</summary>
    public static Error AppNotConfigured(string reason) =>
        new(ErrorKind.Unprocessable, "app_not_configured", [new ErrorDetail(Error.NonFieldErrors, [reason])]);
}
