using System.Security.Cryptography;

namespace RefundSaver.Domain.Profiles;

/// <summary>
/// What is left of a deleted profile: a hash of an app account token it used, salted with the app,
/// so that a purchase Apple later names with that token is known as an erased customer's (never
/// sent, never taken for consenting) without keeping the token or anything else about them.
/// </summary>
public sealed class ErasedCustomer
{
    private ErasedCustomer()
    {
    }

    public Guid AppId { get; private set; }

    /// <summary>SHA-256 of the app id's and the token's 16 bytes each.</summary>
    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset ErasedAt { get; private set; }

    public static ErasedCustomer For(Guid appId, Guid appAccountToken, DateTimeOffset now) =>
        new() { AppId = appId, TokenHash = HashToken(appId, appAccountToken), ErasedAt = now };

    public static byte[] HashToken(Guid appId, Guid appAccountToken)
    {
        Span<byte> input = stackalloc byte[32];
        appId.TryWriteBytes(input[..16], bigEndian: true, out _);
        appAccountToken.TryWriteBytes(input[16..], bigEndian: true, out _);
        return SHA256.HashData(input);
    }
}
