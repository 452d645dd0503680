namespace RefundSaver.Application.Profiles;

/// <summary>
/// How a request names its profile: by its customer user id or by its profile id, exactly one of
/// them. The API reads it from its headers and answers a request that gives neither or both;
/// <see cref="ProfileSelectorValidator{TRequest}"/> checks the value given.
/// </summary>
public sealed record ProfileSelector
{
    /// <exception cref="ArgumentException">Neither or both are given.</exception>
    public ProfileSelector(string? customerUserId, string? profileId)
    {
        if ((customerUserId is null) == (profileId is null))
        {
            throw new ArgumentException("A profile is named by exactly one of its customer user id and its profile id.");
        }

        CustomerUserId = customerUserId;
        ProfileId = profileId;
    }

    public string? CustomerUserId { get; }

    public string? ProfileId { get; }

    /// <summary>The profile id; only meaningful once the selector has been validated.</summary>
    public Guid? ParsedProfileId => Guid.TryParse(ProfileId, out var id) ? id : null;
}
