using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Profiles.Commands.ReportUsage;
using RefundSaver.Application.Profiles.Queries.GetUsage;

namespace RefundSaver.Api.Endpoints;

/// <summary>The backend reports a customer's play time and account status, for Apple's <c>playTime</c> and <c>userStatus</c>.</summary>
public static class UsageEndpoints
{
    public const string Path = "/api/v2/server-side-api/profile/usage/";

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAppBackendGroup(Path, "Profiles").WithProfileHeaders();
        group.MapPost("", ReportUsage).WithName("ReportUsage").AcceptsJson<ReportUsageRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", GetUsage).WithName("GetUsage").ProducesErrors(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Ok<ProfileUsageDto>, JsonHttpResult<ErrorBody>>> ReportUsage(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (ReportUsageRequest body, FieldErrors fields) => new ReportUsageCommand(
                user.GetAppId(),
                selector.Value,
                fields.Check(body.PlayTimeSeconds),
                fields.Check(body.AccountStatus)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.ToOkOrError(context);
    }

    private static async Task<Results<Ok<ProfileUsageDto>, JsonHttpResult<ErrorBody>>> GetUsage(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var result = await sender.Send(new GetUsageQuery(user.GetAppId(), selector.Value), cancellationToken);
        return result.ToOkOrError(context);
    }
}
