using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// What a chain validation depends on: the SHA-256 of the x5c certificates' DER bytes (not of the
/// header's text, which the sender may spell many ways for one chain) and the SHA-256 thumbprints
/// of the caller's extra trusted roots.
/// </summary>
internal readonly record struct ChainCacheKey(string Certificates, string TrustedRoots)
{
    public static ChainCacheKey For(byte[][] certificates, string trustedRoots)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var der in certificates)
        {
            // Each certificate's length first, so that no two lists of certificates hash alike.
            BinaryPrimitives.WriteInt32BigEndian(length, der.Length);
            hash.AppendData(length);
            hash.AppendData(der);
        }

        return new ChainCacheKey(Convert.ToHexString(hash.GetHashAndReset()), trustedRoots);
    }
}
