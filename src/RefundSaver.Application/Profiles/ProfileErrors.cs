using RefundSaver.Application.Common.Results;

namespace RefundSaver.Application.Profiles;

public static class ProfileErrors
{
    /// <summary>Seed 000's answer, to the letter: the header names no profile, so it is a bad request (400).</summary>
    public static Error NotFound { get; } = new(
        ErrorKind.Validation, "profile_does_not_exist", [new ErrorDetail(Error.NonFieldErrors, ["Profile not found"])]);

    /// <summary>Profile ids are global; one that another app uses cannot be taken.</summary>
    public static Error ProfileIdTaken { get; } =
        Error.Conflict("profile_already_exists", ProfileSelector.ProfileIdHeader, "This profile id is already in use.");

    public static Error AppAccountTokenTaken { get; } =
        Error.Conflict("app_account_token_taken", "app_account_token", "Another profile of this app has this app account token.");
}
