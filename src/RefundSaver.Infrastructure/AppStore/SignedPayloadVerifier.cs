using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore;
using RefundSaver.Domain.AppStore;

namespace RefundSaver.Infrastructure.AppStore;

/// <summary>
/// Verifies App Store signed payloads: the header, the x5c chain to a configured root (cached by
/// the certificates' bytes and the trusted roots, once a signature verified with its leaf), then the
/// ES256 signature, every time; a payload under a root other than Apple's must say Sandbox unless
/// the operator opted in. Bad input of any kind is an <see cref="VerificationStatus.Invalid"/> answer, never an exception.
/// </summary>
internal sealed class SignedPayloadVerifier : ISignedPayloadVerifier
{
    private const int SignatureLength = 64;
    private const string EnvironmentProperty = "environment";

    private const string ExtraRootOutsideSandbox = "signed under a root other than Apple's, which is trusted for Sandbox only; "
        + $"set {AppStoreVerificationOptions.AllowExtraRootsInProductionSetting}=true to trust it for Production";

    private readonly TimeProvider _clock;
    private readonly bool _onlineRevocationChecks;
    private readonly bool _allowExtraRootsInProduction;
    private readonly CertificateChainValidator _chainValidator;
    private readonly ChainValidationCache _chains;
    private static readonly ConditionalWeakTable<IReadOnlyList<byte[]>, string> RootsKeys = [];

    private readonly byte[][] _configuredRoots;
    private long _chainValidations;

    public SignedPayloadVerifier(IOptions<AppStoreVerificationOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _onlineRevocationChecks = options.Value.OnlineRevocationChecks;
        _allowExtraRootsInProduction = options.Value.AllowExtraRootsInProduction;
        _chainValidator = new CertificateChainValidator(_onlineRevocationChecks);
        _chains = new ChainValidationCache(clock, TimeSpan.FromMinutes(options.Value.ChainCacheMinutes));
        _configuredRoots = options.Value.ExtraTrustedRoots
            .Select(pem => X509Certificate2.CreateFromPem(pem).RawData)
            .ToArray();
    }

    /// <summary>How many chains were validated rather than found in the cache.</summary>
    internal long ChainValidations => Interlocked.Read(ref _chainValidations);

    public SignedPayloadVerification Verify(string signedPayload, IReadOnlyList<byte[]> extraTrustedRoots)
    {
        ArgumentNullException.ThrowIfNull(extraTrustedRoots);
        if (string.IsNullOrEmpty(signedPayload))
        {
            return SignedPayloadVerification.Invalid("no signed payload");
        }

        if (CompactJws.Parse(signedPayload, out var failure) is not { } jws)
        {
            return SignedPayloadVerification.Invalid(failure!);
        }

        if (jws.ReadCertificates(out failure) is not { } certificates)
        {
            return SignedPayloadVerification.Invalid(failure!);
        }

        var key = ChainCacheKey.For(certificates, RootsKey(extraTrustedRoots));
        var cached = _chains.Find(key);
        using var payload = ParsePayload(jws.Payload);
        if (payload is null)
        {
            return SignedPayloadVerification.Invalid("JWS payload is not a JSON object");
        }

        if (VerificationTime(payload.RootElement) is not { } verificationTime)
        {
            return SignedPayloadVerification.Invalid("JWS payload signedDate is not a time in milliseconds");
        }

        SignedPayloadVerification? chainFailure = null;
        var chain = cached ?? ValidateChain(certificates, extraTrustedRoots, verificationTime, out chainFailure);
        if (chain is null)
        {
            return chainFailure!;
        }

        // A fresh validation checked the time already; a cached chain may meet a payload signed outside it.
        if (!chain.IsValidAt(verificationTime))
        {
            return SignedPayloadVerification.Invalid("JWS certificate chain is not valid at the verification time");
        }

        if (jws.Signature.Length != SignatureLength
            || !chain.LeafKey.VerifyHash(jws.SigningInputHash, jws.Signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return SignedPayloadVerification.Invalid("JWS signature does not verify with the leaf's key");
        }

        // Only now: a chain copied from any genuine payload, under a signature its leaf never made,
        // must not spare the next sender the chain's validation.
        if (cached is null)
        {
            _chains.Add(key, chain);
        }

        return chain.AnchoredAtApple || _allowExtraRootsInProduction || SaysOnlySandbox(payload.RootElement)
            ? SignedPayloadVerification.Verified(payload.RootElement.Clone())
            : SignedPayloadVerification.Invalid(ExtraRootOutsideSandbox);
    }

    /// <summary>
    /// Whether the payload names Sandbox wherever it names an environment: at the top (a transaction
    /// or renewal info) and in each section that names the app (a notification). Naming none, or
    /// anything else anywhere, counts as Production: a payload that said Sandbox here and Production
    /// where the webhook reads it must not pass for Sandbox.
    /// </summary>
    private static bool SaysOnlySandbox(JsonElement payload)
    {
        var sandbox = NamesSandbox(payload);
        if (sandbox == false)
        {
            return false;
        }

        foreach (var name in NotificationPayload.AppSections)
        {
            if (payload.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
                && NamesSandbox(section) is { } named)
            {
                if (!named)
                {
                    return false;
                }

                sandbox = true;
            }
        }

        return sandbox == true;
    }

    /// <summary>Null when the object names no environment.</summary>
    private static bool? NamesSandbox(JsonElement element) =>
        element.TryGetProperty(EnvironmentProperty, out var environment)
            ? environment.ValueKind == JsonValueKind.String && environment.ValueEquals(AppStoreEnvironmentNames.Sandbox)
            : null;

    private static JsonDocument? ParsePayload(byte[] json)
    {
        try
        {
            var document = JsonDocument.Parse(json, CompactJws.StrictJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Offline, the chain is checked when Apple signed the payload (as Apple's libraries do: the
    /// leaf may have expired since), read before the signature is known good; online, now.
    /// </summary>
    private DateTimeOffset? VerificationTime(JsonElement payload)
    {
        if (_onlineRevocationChecks
            || !payload.TryGetProperty("signedDate", out var signedDate)
            || signedDate.ValueKind == JsonValueKind.Null)
        {
            return _clock.GetUtcNow();
        }

        return signedDate.ValueKind == JsonValueKind.Number
            && signedDate.TryGetInt64(out var milliseconds)
            && milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
    }

    private ValidatedChain? ValidateChain(
        byte[][] x5c,
        IReadOnlyList<byte[]> extraTrustedRoots,
        DateTimeOffset verificationTime,
        out SignedPayloadVerification? failure)
    {
        Interlocked.Increment(ref _chainValidations);
        return _chainValidator.Validate(
            x5c, [AppleRootCertificate.RootCaG3Der, .. _configuredRoots, .. extraTrustedRoots], verificationTime, out failure);
    }

    /// <summary>
    /// Apple's root and the configured roots are always trusted, so only the caller's extra roots
    /// tell two root sets apart. An app's list is the same object for as long as the app is cached,
    /// so its key is computed once per list.
    /// </summary>
    private static string RootsKey(IReadOnlyList<byte[]> extraTrustedRoots) =>
        extraTrustedRoots.Count == 0
            ? string.Empty
            : RootsKeys.GetValue(
                extraTrustedRoots,
                roots => string.Join(',', roots.Select(root => Convert.ToHexString(SHA256.HashData(root))).Order(StringComparer.Ordinal)));
}
