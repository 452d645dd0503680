using RefundSaver.Application.Profiles;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Application.Common.Interfaces;

/// <summary>
/// Changes a profile's refund saver settings in one round trip. It is the hottest write of the
/// server-side API, so it is a single statement rather than a load, a change and a save, and the
/// statement owns the rule: a left-out setting is kept, an explicit null goes back to the app's
/// default (pinned end to end by RefundSaverSettingsTests).
/// </summary>
public interface IRefundSaverSettingsStore
{
    /// <returns>The settings as they now stand, or null when the selector names no profile of the app.</returns>
    Task<ProfileSettingsDto?> ChangeAsync(
        Guid appId,
        ProfileSelector selector,
        Optional<bool?> consent,
        Optional<CustomPreference?> customPreference,
        DateTimeOffset now,
        CancellationToken cancellationToken);
}
