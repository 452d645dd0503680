using RefundSaver.Application.Profiles;

namespace RefundSaver.Api.Endpoints;

/// <summary>Adapty's <c>{"data": profile}</c> envelope.</summary>
public sealed record ProfileEnvelope(ProfileDto Data);
