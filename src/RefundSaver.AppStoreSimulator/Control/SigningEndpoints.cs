using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.AppStoreSimulator.Signing;

namespace RefundSaver.AppStoreSimulator.Control;

/// <summary><c>GET /simulator/root.pem</c>: the root RefundSaver must trust (<c>AppStore__Verification__ExtraTrustedRoots__0</c>).</summary>
public static class SigningEndpoints
{
    public const string PemContentType = "application/x-pem-file";

    public static IEndpointRouteBuilder MapSigning(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/simulator/root.pem", GetRootPem).WithTags("Simulator: signing");
        return routes;
    }

    public static ContentHttpResult GetRootPem(SigningIdentity signing) => TypedResults.Text(signing.Chain.RootPem, PemContentType);
}
