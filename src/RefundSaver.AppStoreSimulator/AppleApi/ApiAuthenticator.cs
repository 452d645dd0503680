using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RefundSaver.AppStoreSimulator.Model;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> token of an App Store Server API call as Apple does:
/// header <c>alg</c> ES256, <c>kid</c> an issued key, <c>typ</c> JWT; signature by that key;
/// <c>iss</c> its issuer, <c>aud</c> <c>appstoreconnect-v1</c>, <c>bid</c> its app's bundle id;
/// <c>iat</c> not in the future (beyond a small skew), <c>exp</c> in the future and at most 60 minutes after <c>iat</c>.
/// </summary>
public sealed class ApiAuthenticator(AppRegistry apps, TimeProvider time, IOptions<SimulatorOptions> options)
{
    public const string Audience = "appstoreconnect-v1";
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(60);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<AuthenticationResult> AuthenticateAsync(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticationResult.Invalid("The Authorization header must be 'Bearer <JWT>'.");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationResult.Invalid("The bearer token is not a JWT.");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException exception)
        {
            return AuthenticationResult.Invalid($"The bearer token is not a JWT: {exception.Message}");
        }

        if (string.IsNullOrEmpty(jwt.Kid) || !apps.TryGetKey(jwt.Kid, out var key) || !apps.TryGet(key.BundleId, out var app))
        {
            return AuthenticationResult.Invalid($"The header's kid '{jwt.Kid}' is not an issued key.");
        }

        if (jwt.Alg != SecurityAlgorithms.EcdsaSha256)
        {
            return AuthenticationResult.Invalid($"The header's alg must be ES256, not '{jwt.Alg}'.", app);
        }

        if (jwt.Typ != "JWT")
        {
            return AuthenticationResult.Invalid($"The header's typ must be JWT, not '{jwt.Typ}'.", app);
        }

        var validation = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key.PublicKey,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = ["JWT"],
            ValidIssuer = key.IssuerId,
            ValidAudience = Audience,
            RequireSignedTokens = true,
            // Lifetime is checked below against the simulator's clock, with Apple's rules.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!validation.IsValid)
        {
            return AuthenticationResult.Invalid(Describe(validation.Exception), app);
        }

        return CheckClaims(jwt, key, app) is { } failure
            ? AuthenticationResult.Invalid(failure, app)
            : AuthenticationResult.Valid(new ApiCaller(app, key));
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => "The iss claim is not the key's issuer id.",
        SecurityTokenInvalidAudienceException => $"The aud claim must be '{Audience}'.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The signature does not verify with the key named by kid.",
        SecurityTokenInvalidAlgorithmException => "The header's alg must be ES256.",
        SecurityTokenInvalidTypeException => "The header's typ must be JWT.",
        null => "The token is invalid.",
        _ => $"The token is invalid: {exception.Message}",
    };

    private string? CheckClaims(JsonWebToken jwt, IssuedKey key, SimulatedApp app)
    {
        if (!jwt.TryGetPayloadValue<string>("bid", out var bundleId) || bundleId != key.BundleId)
        {
            return $"The bid claim must be the key's bundle id '{app.BundleId}'.";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt))
        {
            return "The iat claim is missing.";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires))
        {
            return "The exp claim is missing.";
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)Math.Ceiling(options.Value.TokenClockSkewSeconds);
        if (issuedAt > now + skew)
        {
            return "The iat claim is in the future.";
        }

        if (expires <= now)
        {
            return "The token has expired (exp is not in the future).";
        }

        if (expires - issuedAt > (long)MaximumLifetime.TotalSeconds)
        {
            return "The token lives longer than 60 minutes (exp - iat).";
        }

        return null;
    }
}
