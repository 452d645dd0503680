using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RefundSaver.Application.ApiKeys.Queries.AuthenticateApiKey;

namespace RefundSaver.Api.Authentication;

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ISender sender)
    : ErrorChallengeHandler(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthorizationHeader.TryGetCredential(Request, AuthenticationSchemes.ApiKey, out var key))
        {
            return AuthenticateResult.Fail(AuthenticationSchemes.NotProvided);
        }

        var result = await sender.Send(new AuthenticateApiKeyQuery(key), Context.RequestAborted);
        if (!result.IsSuccess)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(AuthenticationSchemes.AppIdClaim, result.Value.ToString("D", CultureInfo.InvariantCulture))],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
