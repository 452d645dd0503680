using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Apps;
using RefundSaver.Application.Apps.Commands.CreateApiKey;
using RefundSaver.Application.Apps.Commands.CreateApp;
using RefundSaver.Application.Apps.Commands.RevokeApiKey;
using RefundSaver.Application.Apps.Commands.UpdateApp;
using RefundSaver.Application.Apps.Queries.GetApp;
using RefundSaver.Application.Apps.Queries.ListApiKeys;
using RefundSaver.Application.Apps.Queries.ListApps;

namespace RefundSaver.Api.Endpoints;

/// <summary>The operator's API: apps and their API keys.</summary>
public static class AdminAppsEndpoints
{
    public const string Path = "/admin/api/apps";

    public static IEndpointRouteBuilder MapAdminAppsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAdminGroup(Path, "Admin: apps");
        group.MapPost("", CreateApp).WithName("CreateApp").AcceptsJson<CreateAppRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", ListApps).WithName("ListApps");
        group.MapGet("{appId:guid}", GetApp).WithName("GetApp").ProducesErrors(StatusCodes.Status404NotFound);
        group.MapPatch("{appId:guid}", UpdateApp).WithName("UpdateApp").AcceptsJson<UpdateAppRequest>()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity);
        group.MapPost("{appId:guid}/api-keys", CreateApiKey).WithName("CreateApiKey").AcceptsJson<CreateApiKeyRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("{appId:guid}/api-keys", ListApiKeys).WithName("ListApiKeys").ProducesErrors(StatusCodes.Status404NotFound);
        group.MapDelete("{appId:guid}/api-keys/{apiKeyId:guid}", RevokeApiKey).WithName("RevokeApiKey")
            .ProducesErrors(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<CreatedAppResponse>, JsonHttpResult<ErrorBody>>> CreateApp(
        HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (CreateAppRequest body, FieldErrors fields) =>
                new CreateAppCommand(fields.Check(body.Name).GetValueOr(null), fields.Check(body.BundleId).GetValueOr(null)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{Path}/{result.Value.App.Id}", CreatedAppResponse.From(result.Value))
            : result.Error.ToResult(context);
    }

    private static async Task<Results<Ok<ListEnvelope<AppDto>>, JsonHttpResult<ErrorBody>>> ListApps(
        HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListAppsQuery(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new ListEnvelope<AppDto>(result.Value)) : result.Error.ToResult(context);
    }

    private static async Task<Results<Ok<AppDto>, JsonHttpResult<ErrorBody>>> GetApp(
        Guid appId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetAppQuery(appId), cancellationToken);
        return result.ToOkOrError(context);
    }

    private static async Task<Results<Ok<AppDto>, JsonHttpResult<ErrorBody>>> UpdateApp(
        Guid appId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (UpdateAppRequest body, FieldErrors fields) => new UpdateAppCommand(appId)
            {
                BundleId = fields.Check(body.BundleId),
                AppleAppId = fields.Check(body.AppleAppId),
                Environments = fields.Check(body.Environments),
                ExtraTrustedRoots = fields.Check(body.ExtraTrustedRoots),
                AppStoreCredentials = fields.Check(body.AppStoreCredentials),
                RefundSaverEnabled = fields.Check(body.RefundSaverEnabled),
                ConsumptionApiVersion = fields.Check(body.ConsumptionApiVersion),
                RefundPolicy = fields.Check(body.RefundPolicy),
                ConsentDefault = fields.Check(body.ConsentDefault),
                SampleContentProvided = fields.Check(body.SampleContentProvided),
                ReviewDelayMinutes = fields.Check(body.ReviewDelayMinutes),
                Rules = fields.Check(body.Rules),
            },
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.ToOkOrError(context);
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, JsonHttpResult<ErrorBody>>> CreateApiKey(
        Guid appId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var command = await JsonRequestBody.ReadAsync(
            context.Request,
            (CreateApiKeyRequest body, FieldErrors fields) => new CreateApiKeyCommand(appId, fields.Check(body.Name).GetValueOr(null)),
            cancellationToken);
        if (!command.IsSuccess)
        {
            return command.Error.ToResult(context);
        }

        var result = await sender.Send(command.Value, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"{Path}/{appId}/api-keys/{result.Value.Key.Id}", CreatedApiKeyResponse.From(result.Value))
            : result.Error.ToResult(context);
    }

    private static async Task<Results<Ok<ListEnvelope<ApiKeyDto>>, JsonHttpResult<ErrorBody>>> ListApiKeys(
        Guid appId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListApiKeysQuery(appId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new ListEnvelope<ApiKeyDto>(result.Value)) : result.Error.ToResult(context);
    }

    private static async Task<Results<Ok<ApiKeyDto>, JsonHttpResult<ErrorBody>>> RevokeApiKey(
        Guid appId, Guid apiKeyId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RevokeApiKeyCommand(appId, apiKeyId), cancellationToken);
        return result.ToOkOrError(context);
    }
}
