using RefundSaver.Application.Apps.Commands.CreateApp;

namespace RefundSaver.Api.Endpoints;

/// <summary>A new app with its first API key's secret, which is never shown again.</summary>
public sealed record CreatedAppResponse(Guid Id, string Name, string BundleId, DateTimeOffset CreatedAt, string ApiKey, Guid ApiKeyId)
{
    public static CreatedAppResponse From(CreatedAppDto created) => new(
        created.App.Id, created.App.Name, created.App.BundleId, created.App.CreatedAt, created.ApiKey.Secret, created.ApiKey.Key.Id);
}
