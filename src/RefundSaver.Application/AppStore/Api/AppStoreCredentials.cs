namespace RefundSaver.Application.AppStore.Api;

/// <summary>
/// An app's App Store Server API key: the issuer id and key id from App Store Connect, and the
/// downloaded <c>.p8</c> private key (PKCS#8 PEM). The key never prints: <see cref="ToString"/> masks it.
/// </summary>
public sealed record AppStoreCredentials(string IssuerId, string KeyId, string PrivateKeyPem)
{
    public override string ToString() =>
        $"{nameof(AppStoreCredentials)} {{ {nameof(IssuerId)} = {IssuerId}, {nameof(KeyId)} = {KeyId}, {nameof(PrivateKeyPem)} = *** }}";
}
