using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

public static class ProfileErrors
{
    /// <summary>Seed 000's answer, to the letter: the header names no profile, so it is a bad request (400).</summary>
    public static Error NotFound { get; } = new(
        ErrorKind.Validation, "profile_does_not_exist", [new ErrorDetail(Error.WholeRequest, ["Profile not found"])]);

    /// <summary>Profile ids are global; one that another app uses cannot be taken.</summary>
    public static Error ProfileIdTaken { get; } =
        Error.Conflict("profile_already_exists", $"{nameof(IProfileRequest.Selector)}.{nameof(ProfileSelector.ProfileId)}", "This profile id is already in use.");

    public static Error AppAccountTokenTaken { get; } =
        Error.Conflict("app_account_token_taken", nameof(ProfileDetails.AppAccountToken), "Another profile of this app has this app account token.");
}
