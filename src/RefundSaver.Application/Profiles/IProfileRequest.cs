namespace RefundSaver.Application.Profiles;

/// <summary>A request about one profile of one app.</summary>
public interface IProfileRequest
{
    Guid AppId { get; }

    ProfileSelector Selector { get; }
}
