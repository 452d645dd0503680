using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Profiles.Commands.LinkTransaction;

namespace RefundSaver.Api.Endpoints;

/// <summary>The backend tells whose App Store purchase an original transaction is.</summary>
public static class TransactionLinksEndpoints
{
    public const string Path = "/api/v2/server-side-api/purchase/app-store/transactions/link/";

    public static IEndpointRouteBuilder MapTransactionLinksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapAppBackendGroup(Path, "Purchases").WithProfileHeaders()
            .MapPost("", LinkTransaction).WithName("LinkTransaction").AcceptsJson<LinkTransactionRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Results<Ok<TransactionLinkDto>, JsonHttpResult<ErrorBody>>> LinkTransaction(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (LinkTransactionRequest body, FieldErrors fields) => new LinkTransactionCommand(
                user.GetAppId(), selector.Value, fields.Check(body.OriginalTransactionId).GetValueOr(null)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.ToOkOrError(context);
    }
}
