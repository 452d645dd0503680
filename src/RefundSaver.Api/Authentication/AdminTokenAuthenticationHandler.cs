using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RefundSaver.Api.Authentication;

/// <summary>
/// The operator's bearer token from configuration <c>Admin:Token</c> (<see cref="AdminOptions"/>). Both
/// sides are hashed before a constant-time comparison, so neither the length nor the content leaks through timing.
/// An address that presented too many wrong tokens is refused even the right one until its window ends, so
/// that guessing gains nothing from going on.
/// </summary>
internal sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FailedAuthenticationThrottle throttle,
    IOptionsMonitor<AdminOptions> admin)
    : ErrorChallengeHandler(options, logger, encoder, throttle)
{
    private const string Disabled = "The admin API is disabled: set the Admin__Token setting to enable it.";

    protected override string NoCredentialsMessage =>
        string.IsNullOrEmpty(admin.CurrentValue.Token) ? Disabled : AuthenticationSchemes.NotProvided;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthorizationHeader.TryGetCredential(Request, "Bearer", out var token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var configured = admin.CurrentValue.Token;
        if (string.IsNullOrEmpty(configured))
        {
            return Task.FromResult(AuthenticateResult.Fail(Disabled));
        }

        if (ThrottledFor() is { } retryAfter)
        {
            return Task.FromResult(Throttled(retryAfter));
        }

        // No configured token is that long: a longer one is wrong without hashing it.
        if (token.Length > AdminOptions.MaximumTokenLength || !CryptographicOperations.FixedTimeEquals(Hash(token), Hash(configured)))
        {
            return Task.FromResult(WrongCredential("Invalid admin token."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
