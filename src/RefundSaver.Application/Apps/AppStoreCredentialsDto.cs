namespace RefundSaver.Application.Apps;

/// <summary>Which App Store key an app uses; the key itself stays sealed in the database.</summary>
public sealed record AppStoreCredentialsDto(string IssuerId, string KeyId, bool PrivateKeyStored);
