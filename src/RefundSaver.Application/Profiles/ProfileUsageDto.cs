using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Profiles;

/// <summary>The usage endpoint's 200 body: <c>{"profile_id":…,"usage":{…}}</c>, shaped like the settings endpoint's.</summary>
public sealed record ProfileUsageDto(Guid ProfileId, UsageDto Usage)
{
    public static ProfileUsageDto From(Profile profile) => new(profile.Id, UsageDto.From(profile));
}
