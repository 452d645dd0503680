using System.Security.Claims;

namespace RefundSaver.Api.Authentication;

internal static class AppPrincipal
{
    /// <summary>The app whose API key authenticated this request.</summary>
    public static Guid GetAppId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(AuthenticationSchemes.AppIdClaim)
            ?? throw new InvalidOperationException("The request was not authenticated with an API key."));
}
