using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST /admin/api/apps/{appId}/api-keys.</summary>
public sealed record CreateApiKeyRequest
{
    public RequestField<string?> Name { get; init; }
}
