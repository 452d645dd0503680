using System.Text.Json.Serialization;

namespace RefundSaver.ServiceDefaults;

/// <summary>One check in <c>/health</c>'s answer: its status, and in Development what it said and why it failed.</summary>
internal sealed record HealthCheckReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description = null,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);
