namespace RefundSaver.Domain.Apps;

/// <summary>
/// A secret key an app's backend authenticates with. Only a hash of the secret is kept; the
/// public <see cref="KeyId"/> finds the row so that the hash comparison can be constant-time.
/// </summary>
public sealed class ApiKey
{
    private ApiKey(Guid id, Guid appId, string keyId, byte[] secretHash, string name, DateTimeOffset createdAt)
    {
        Id = id;
        AppId = appId;
        KeyId = keyId;
        SecretHash = secretHash;
        Name = name;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid AppId { get; private set; }

    public string KeyId { get; private set; }

    public byte[] SecretHash { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiKey Create(Guid appId, string keyId, byte[] secretHash, string name, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), appId, keyId, secretHash, name, now);

    /// <summary>Revoking twice keeps the first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
