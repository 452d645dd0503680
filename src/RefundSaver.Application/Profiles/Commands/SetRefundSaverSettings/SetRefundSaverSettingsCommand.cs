using Mediator;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;

/// <summary>Seed 000's POST: a left-out field is kept, an explicit null resets it to the app's default.</summary>
public sealed record SetRefundSaverSettingsCommand(
    Guid AppId,
    ProfileSelector Selector,
    Optional<bool?> Consent,
    Optional<string?> CustomPreference) : IRequest<Result<ProfileSettingsDto>>, IProfileRequest;
