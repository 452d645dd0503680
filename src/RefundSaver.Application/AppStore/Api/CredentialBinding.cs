using RefundSaver.Domain.Apps;

namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// Whose a sealed App Store key is: its ciphertext opens only for the same app, issuer and key id,
/// so a value copied to another app's row (or under another key id) does not decrypt.
/// </summary>
public sealed record CredentialBinding(Guid AppId, string IssuerId, string KeyId)
{
    /// <summary>The binding of the credentials an app holds now.</summary>
    public static CredentialBinding Of(App app) =>
        new(app.Id, app.AppStoreIssuerId ?? string.Empty, app.AppStoreKeyId ?? string.Empty);
}
