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
/// </summary>
internal sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AdminOptions> admin)
    : ErrorChallengeHandler(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = admin.CurrentValue.Token;
        if (string.IsNullOrEmpty(configured))
        {
            return Task.FromResult(AuthenticateResult.Fail("The admin API is disabled: set the Admin__Token setting to enable it."));
        }

        if (!AuthorizationHeader.TryGetCredential(Request, "Bearer", out var token))
        {
            return Task.FromResult(AuthenticateResult.Fail(AuthenticationSchemes.NotProvided));
        }

        if (!CryptographicOperations.FixedTimeEquals(Hash(token), Hash(configured)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid admin token."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
