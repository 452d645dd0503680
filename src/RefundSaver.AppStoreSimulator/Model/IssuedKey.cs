using Microsoft.IdentityModel.Tokens;

namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>
/// An In-App Purchase key as App Store Connect issues it: the simulator keeps only the public half
/// (to check the tokens it signs), the private key was handed out once.
/// </summary>
public sealed record IssuedKey(string KeyId, string IssuerId, string BundleId, ECDsaSecurityKey PublicKey, DateTimeOffset IssuedAt);
