using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of an operator's PATCH of a consumption request.</summary>
public sealed record ReviewConsumptionRequestRequest
{
    public RequestField<string?> Preference { get; init; }

    public RequestField<bool?> SendNow { get; init; }
}
