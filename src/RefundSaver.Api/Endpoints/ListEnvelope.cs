namespace RefundSaver.Api.Endpoints;

/// <summary>A list answer, enveloped so that paging can be added without breaking clients.</summary>
public sealed record ListEnvelope<T>(IReadOnlyList<T> Data);
