using System.Security.Cryptography;

namespace RefundSaver.TestSupport.Simulator;

/// <summary>Every part of an App Store Server API token, so that a test can get one of them wrong. Null leaves a part out.</summary>
public sealed record TokenSpec
{
    public string? Alg { get; init; } = "ES256";

    public string? Kid { get; init; }

    public string? Typ { get; init; } = "JWT";

    public string? Iss { get; init; }

    public string? Aud { get; init; } = "appstoreconnect-v1";

    public string? Bid { get; init; }

    public long? Iat { get; init; }

    public long? Exp { get; init; }

    /// <summary>The key that signs (ES256); the app's own when null.</summary>
    public ECDsa? SigningKey { get; init; }
}
