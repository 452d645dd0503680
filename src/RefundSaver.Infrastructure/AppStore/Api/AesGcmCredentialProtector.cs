using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>
/// AES-256-GCM with the key of <c>AppStore:CredentialsKey</c>: <c>v2:</c> then the base64 of nonce
/// (12 bytes), ciphertext and tag (16 bytes), authenticated with the app id, issuer id and key id
/// (<see cref="CredentialBinding"/>). <c>v1:</c> values (same layout, a constant associated data)
/// are still read, to be sealed again as <c>v2:</c>. Unprotect also tries <c>AppStore:PreviousCredentialsKeys</c>,
/// so the key can be rotated; a value no key opens, that was altered or that belongs to another app
/// or key throws a <see cref="CryptographicException"/>.
/// </summary>
internal sealed class AesGcmCredentialProtector : ICredentialProtector
{
    private const string Prefix = "v2:";
    private const string UnboundPrefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>What v1 bound a ciphertext to: its purpose and format only, so it opened in any app's row.</summary>
    private static readonly byte[] UnboundAssociatedData = "RefundSaver.AppStoreCredentials.v1"u8.ToArray();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[]? _key;
    private readonly byte[][] _decryptionKeys;

    public AesGcmCredentialProtector(IOptions<CredentialProtectionOptions> options)
    {
        var settings = options.Value;
        _key = settings.CredentialsKey is { Length: > 0 } current
            ? CredentialProtectionOptions.ParseKey(current, CredentialProtectionOptions.KeySetting)
            : null;
        var previous = settings.PreviousCredentialsKeys
            .Select((key, index) => CredentialProtectionOptions.ParseKey(key, $"{CredentialProtectionOptions.PreviousKeysSetting}:{index}"));
        _decryptionKeys = [.. _key is null ? [] : new[] { _key }, .. previous];
    }

    public bool IsConfigured => _key is not null;

    public bool IsCurrentFormat(string protectedValue) => IsBound(protectedValue);

    private static bool IsBound(string protectedValue) => protectedValue.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The purpose, the format and the owner, each length-prefixed so that no two bindings read alike.</summary>
    private static byte[] AssociatedData(CredentialBinding binding)
    {
        var parts = new[] { "RefundSaver.AppStoreCredentials.v2", binding.AppId.ToString("D"), binding.IssuerId, binding.KeyId };
        using var buffer = new MemoryStream();
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            buffer.Write(BitConverter.GetBytes(bytes.Length));
            buffer.Write(bytes);
        }

        return buffer.ToArray();
    }

    public string Protect(string plaintext, CredentialBinding binding)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(binding);
        if (_key is null)
        {
            throw new InvalidOperationException(
                $"Apple private keys are stored encrypted, and no key is configured: set {CredentialProtectionOptions.KeySetting} "
                + "(environment variable AppStore__CredentialsKey) to the base64 of 32 random bytes, e.g. the output of 'openssl rand -base64 32'.");
        }

        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize, plain.Length), sealedValue.AsSpan(NonceSize + plain.Length), AssociatedData(binding));
        }

        CryptographicOperations.ZeroMemory(plain);
        return Prefix + Convert.ToBase64String(sealedValue);
    }

    public string Unprotect(string protectedValue, CredentialBinding binding)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentNullException.ThrowIfNull(binding);
        if (_decryptionKeys.Length == 0)
        {
            throw new InvalidOperationException(
                $"A protected App Store credential cannot be read: set {CredentialProtectionOptions.KeySetting} to the key it was protected with.");
        }

        var sealedValue = Decode(protectedValue);
        var associatedData = IsBound(protectedValue) ? AssociatedData(binding) : UnboundAssociatedData;
        var ciphertextLength = sealedValue.Length - NonceSize - TagSize;
        var plain = new byte[ciphertextLength];
        foreach (var key in _decryptionKeys)
        {
            using var aes = new AesGcm(key, TagSize);
            try
            {
                aes.Decrypt(
                    sealedValue.AsSpan(0, NonceSize),
                    sealedValue.AsSpan(NonceSize, ciphertextLength),
                    sealedValue.AsSpan(NonceSize + ciphertextLength),
                    plain,
                    associatedData);
            }
            catch (AuthenticationTagMismatchException)
            {
                continue;
            }

            try
            {
                return StrictUtf8.GetString(plain);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }

        throw new CryptographicException(
            $"The protected value does not open with {CredentialProtectionOptions.KeySetting} or any of "
            + $"{CredentialProtectionOptions.PreviousKeysSetting} for this app and key id: it was protected with another key, "
            + "for another app or key id (copied from another row), or it was altered.");
    }

    private static byte[] Decode(string protectedValue)
    {
        if (!IsBound(protectedValue) && !protectedValue.StartsWith(UnboundPrefix, StringComparison.Ordinal))
        {
            throw new CryptographicException($"The protected value is not in the '{Prefix}<base64>' format this protector writes.");
        }

        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException($"The protected value is not valid base64 after its '{protectedValue[..Prefix.Length]}' prefix.", exception);
        }

        return sealedValue.Length >= NonceSize + TagSize
            ? sealedValue
            : throw new CryptographicException("The protected value is too short to hold a nonce and a tag.");
    }
}
