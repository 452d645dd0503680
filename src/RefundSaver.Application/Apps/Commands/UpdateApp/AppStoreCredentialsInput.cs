namespace RefundSaver.Application.Apps.Commands.UpdateApp;

/// <summary>The App Store Connect API key as the operator gives it; the private key is sealed before it is stored.</summary>
public sealed record AppStoreCredentialsInput(string? IssuerId, string? KeyId, string? PrivateKeyPem)
{
    public override string ToString() => $"{nameof(AppStoreCredentialsInput)} {{ IssuerId = {IssuerId}, KeyId = {KeyId}, PrivateKeyPem = *** }}";
}
