using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>The body of POST .../profile/usage/: a field left out is kept, null clears it.</summary>
public sealed record ReportUsageRequest
{
    public RequestField<long?> PlayTimeSeconds { get; init; }

    public RequestField<string?> AccountStatus { get; init; }
}
