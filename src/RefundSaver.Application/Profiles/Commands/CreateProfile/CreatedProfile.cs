namespace RefundSaver.Application.Profiles.Commands.CreateProfile;

/// <summary>The profile, and whether this request made it (false: it existed already).</summary>
public sealed record CreatedProfile(ProfileDto Profile, bool IsNew);
