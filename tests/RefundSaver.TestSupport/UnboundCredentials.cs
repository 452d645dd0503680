using System.Security.Cryptography;
using System.Text;

namespace RefundSaver.TestSupport;

/// <summary>What the credential protector wrote before sealed keys were bound to their app: v1, a constant associated data.</summary>
public static class UnboundCredentials
{
    public static string Seal(string base64Key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(sealedValue.AsSpan(0, 12));
        using var aes = new AesGcm(Convert.FromBase64String(base64Key), 16);
        aes.Encrypt(sealedValue.AsSpan(0, 12), plain, sealedValue.AsSpan(12, plain.Length), sealedValue.AsSpan(12 + plain.Length), "RefundSaver.AppStoreCredentials.v1"u8);
        return "v1:" + Convert.ToBase64String(sealedValue);
    }
}
