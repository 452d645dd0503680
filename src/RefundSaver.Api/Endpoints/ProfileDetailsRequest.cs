using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST and PATCH of a profile: a field left out stays as it is.</summary>
public sealed record ProfileDetailsRequest
{
    public RequestField<string?> Email { get; init; }

    public RequestField<string?> PhoneNumber { get; init; }

    public RequestField<string?> FirstName { get; init; }

    public RequestField<string?> LastName { get; init; }

    public RequestField<Guid?> AppAccountToken { get; init; }
}
