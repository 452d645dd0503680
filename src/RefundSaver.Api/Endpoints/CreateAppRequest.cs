using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST /admin/api/apps.</summary>
public sealed record CreateAppRequest
{
    public RequestField<string?> Name { get; init; }

    public RequestField<string?> BundleId { get; init; }
}
