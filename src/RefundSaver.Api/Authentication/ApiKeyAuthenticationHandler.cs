using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;

namespace RefundSaver.Api.Authentication;

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FailedAuthenticationThrottle throttle,
    ISender sender)
    : ErrorChallengeHandler(options, logger, encoder, throttle)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthorizationHeader.TryGetCredential(Request, AuthenticationSchemes.ApiKey, out var key))
        {
            return AuthenticateResult.NoResult();
        }

        // A throttled address is checked against the cache only: its random keys cost no query, while an
        // app that shares the address keeps working with its (cached) valid key.
        var throttledFor = ThrottledFor();
        var result = await sender.Send(new AuthenticateApiKeyQuery(key, FromCacheOnly: throttledFor is not null), Context.RequestAborted);
        if (!result.IsSuccess)
        {
            return throttledFor is { } retryAfter ? Throttled(retryAfter) : WrongCredential("Invalid API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(AuthenticationSchemes.AppIdClaim, result.Value.ToString("D", CultureInfo.InvariantCulture))],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
