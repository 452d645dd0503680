using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using RefundSaver.Api.Authentication;
using RefundSaver.Api.Errors;
using RefundSaver.Api.Json;
using RefundSaver.Api.OpenApi;
using RefundSaver.Application.Common.Results;
using RefundSaver.Application.Profiles.Commands.CreateProfile;
using RefundSaver.Application.Profiles.Commands.DeleteProfile;
using RefundSaver.Application.Profiles.Commands.UpdateProfile;
using RefundSaver.Application.Profiles.Queries.GetProfile;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.Api.Endpoints;

/// <summary>Adapty's server-side profile API: one path, the profile named by a header.</summary>
public static class ProfilesEndpoints
{
    public const string Path = "/api/v2/server-side-api/profile/";

    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAppBackendGroup(Path, "Profiles").WithProfileHeaders();
        group.MapPost("", CreateProfile).WithName("CreateProfile").AcceptsJson<ProfileDetailsRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", GetProfile).WithName("GetProfile").ProducesErrors(StatusCodes.Status400BadRequest);
        group.MapPatch("", UpdateProfile).WithName("UpdateProfile").AcceptsJson<ProfileDetailsRequest>()
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        group.MapDelete("", DeleteProfile).WithName("DeleteProfile").ProducesErrors(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Created<ProfileEnvelope>, Ok<ProfileEnvelope>, JsonHttpResult<ErrorBody>>> CreateProfile(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var details = await ReadDetailsAsync(context.Request, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Error.ToResult(context);
        }

        var result = await sender.Send(
            new CreateProfileCommand(user.GetAppId(), selector.Value, details.Value), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToResult(context);
        }

        var envelope = new ProfileEnvelope(result.Value.Profile);
        return result.Value.IsNew ? TypedResults.Created((string?)null, envelope) : TypedResults.Ok(envelope);
    }

    private static async Task<Results<Ok<ProfileEnvelope>, JsonHttpResult<ErrorBody>>> GetProfile(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var result = await sender.Send(new GetProfileQuery(user.GetAppId(), selector.Value), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new ProfileEnvelope(result.Value)) : result.Error.ToResult(context);
    }

    private static async Task<Results<Ok<ProfileEnvelope>, JsonHttpResult<ErrorBody>>> UpdateProfile(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var details = await ReadDetailsAsync(context.Request, cancellationToken);
        if (!details.IsSuccess)
        {
            return details.Error.ToResult(context);
        }

        var result = await sender.Send(
            new UpdateProfileCommand(user.GetAppId(), selector.Value, details.Value), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new ProfileEnvelope(result.Value)) : result.Error.ToResult(context);
    }

    private static async Task<Results<NoContent, JsonHttpResult<ErrorBody>>> DeleteProfile(
        HttpContext context, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var selector = context.Request.ReadSelector();
        if (!selector.IsSuccess)
        {
            return selector.Error.ToResult(context);
        }

        var result = await sender.Send(new DeleteProfileCommand(user.GetAppId(), selector.Value), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToResult(context);
    }

    private static Task<Result<ProfileDetails>> ReadDetailsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        JsonRequestBody.ReadAsync(
            request,
            (ProfileDetailsRequest body, FieldErrors fields) => new ProfileDetails(
                fields.Check(body.Email),
                fields.Check(body.PhoneNumber),
                fields.Check(body.FirstName),
                fields.Check(body.LastName),
                fields.Check(body.AppAccountToken)),
            cancellationToken);
}
