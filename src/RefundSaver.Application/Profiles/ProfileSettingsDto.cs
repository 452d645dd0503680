namespace RefundSaver.Application.Profiles;

/// <summary>Seed 000's 200 body: <c>{"profile_id":…,"settings":{…}}</c>.</summary>
public sealed record ProfileSettingsDto(Guid ProfileId, RefundSaverSettingsDto Settings);
