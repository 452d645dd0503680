using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;
using RefundSaver.Application.Profiles.Queries.GetRefundSaverSettings;

namespace RefundSaver.Api.Endpoints;

/// <summary>Seed 000: a customer's consent and refund preference.</summary>
public static class RefundSaverSettingsEndpoints
{
    public const string Path = "/api/v2/server-side-api/purchase/profile/refund-saver/settings/";

    public static IEndpointRouteBuilder MapRefundSaverSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAppBackendGroup(Path, "Refund Saver").WithProfileHeaders();
        group.MapPost("", SetSettings).WithName("SetRefundSaverSettings").AcceptsJson<SetRefundSaverSettingsRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", GetSettings).WithName("GetRefundSaverSettings").ProducesErrors(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Ok<ProfileSettingsDto>, JsonHttpResult<ErrorBody>>> SetSettings(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (SetRefundSaverSettingsRequest body, FieldErrors fields) => new SetRefundSaverSettingsCommand(
                user.GetAppId(),
                selector.Value,
                fields.Check(body.Consent),
                fields.Check(body.CustomPreference)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.ToOkOrError(context);
    }

    private static async Task<Results<Ok<ProfileSettingsDto>, JsonHttpResult<ErrorBody>>> GetSettings(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var result = await sender.Send(
            new GetRefundSaverSettingsQuery(user.GetAppId(), selector.Value), cancellationToken);
        return result.ToOkOrError(context);
    }
}
