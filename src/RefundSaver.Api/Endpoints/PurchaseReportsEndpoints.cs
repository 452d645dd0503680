using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.AppStore.Purchases;
using RefundSaver.Application.AppStore.Purchases.Commands.ReportPurchase;
using RefundSaver.Application.AppStore.Purchases.Queries.GetPurchaseReport;

namespace RefundSaver.Api.Endpoints;

/// <summary>The backend reports how much of a purchase was used and whether it was delivered.</summary>
public static class PurchaseReportsEndpoints
{
    public const string Path = "/api/v2/server-side-api/purchase/app-store/transactions/consumption/";

    private const string TransactionIdParameter = "transaction_id";

    public static IEndpointRouteBuilder MapPurchaseReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAppBackendGroup(Path, "Purchases");
        group.MapPost("", ReportPurchase).WithName("ReportPurchase").AcceptsJson<ReportPurchaseRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", GetPurchaseReport).WithName("GetPurchaseReport")
            .WithQueryParameter(TransactionIdParameter, JsonSchemaType.String, "The App Store transaction id reported.", required: true)
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<PurchaseReportDto>, JsonHttpResult<ErrorBody>>> ReportPurchase(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (ReportPurchaseRequest body, FieldErrors fields) => new ReportPurchaseCommand(
                user.GetAppId(),
                fields.Check(body.TransactionId).GetValueOr(null),
                fields.Check(body.ConsumptionPercentage),
                fields.Check(body.DeliveryStatus)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.ToOkOrError(context);
    }

    /// <summary>The query string is read as given, so that a missing or repeated parameter is our 400, not the framework's.</summary>
    private static async Task<Results<Ok<PurchaseReportDto>, JsonHttpResult<ErrorBody>>> GetPurchaseReport(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var transactionId = context.Request.Query.TryGetValue(TransactionIdParameter, out var values) ? values.ToString() : null;
        var result = await sender.Send(new GetPurchaseReportQuery(user.GetAppId(), transactionId), cancellationToken);
        return result.ToOkOrError(context);
    }
}
