namespace RefundSaver.Application.Profiles;

/// <summary>
/// How a request names its profile: the <c>adapty-customer-user-id</c> or the
/// <c>adapty-profile-id</c> header, exactly one of them (checked by <see cref="ProfileSelectorValidator{TRequest}"/>).
/// </summary>
public sealed record ProfileSelector(string? CustomerUserId, string? ProfileId)
{
    public const string CustomerUserIdHeader = "adapty-customer-user-id";
    public const string ProfileIdHeader = "adapty-profile-id";

    /// <summary>The profile id; only meaningful once the selector has been validated.</summary>
    public Guid? ParsedProfileId => Guid.TryParse(ProfileId, out var id) ? id : null;
}
