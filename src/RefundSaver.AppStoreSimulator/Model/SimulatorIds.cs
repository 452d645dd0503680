using System.Globalization;
using Microsoft.Extensions.Options;

namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>
/// Hands out identifiers in Apple's shapes. Transaction and app ids are sequential; the random ones
/// (key ids, issuer ids, notification UUIDs, test notification tokens) come from a seeded generator
/// when <see cref="SimulatorOptions.Seed"/> is set, so that runs repeat.
/// </summary>
public sealed class SimulatorIds(IOptions<SimulatorOptions> options)
{
    private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly Lock _gate = new();
    private readonly Random? _seeded = options.Value.Seed is { } seed ? new Random(seed) : null;
    private long _nextTransactionId = options.Value.FirstTransactionId - 1;
    private long _nextAppAppleId = 1_600_000_000;

    /// <summary>Numeric strings, as Apple's transaction identifiers are.</summary>
    public string NextTransactionId() =>
        Interlocked.Increment(ref _nextTransactionId).ToString(CultureInfo.InvariantCulture);

    public long NextAppAppleId() => Interlocked.Increment(ref _nextAppAppleId);

    /// <summary>Ten upper-case letters and digits, like App Store Connect's key identifiers.</summary>
    public string NewKeyId()
    {
        Span<char> chars = stackalloc char[10];
        lock (_gate)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = KeyIdAlphabet[Next(KeyIdAlphabet.Length)];
            }
        }

        return new string(chars);
    }

    public Guid NewGuid()
    {
        if (_seeded is null)
        {
            return Guid.NewGuid();
        }

        Span<byte> bytes = stackalloc byte[16];
        lock (_gate)
        {
            _seeded.NextBytes(bytes);
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private int Next(int maxExclusive) => _seeded?.Next(maxExclusive) ?? Random.Shared.Next(maxExclusive);
}
