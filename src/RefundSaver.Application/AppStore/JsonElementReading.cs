using System.Text.Json;

namespace RefundSaver.Application.AppStore;

/// <summary>Lenient reads of Apple's JSON: a field of an unexpected type reads as absent.</summary>
public static class JsonElementReading
{
    public static JsonElement? GetObjectOrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static string? GetStringOrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static long? GetInt64OrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    /// <summary>Apple's dates are milliseconds since the Unix epoch.</summary>
    public static DateTimeOffset? GetDateOrNull(this JsonElement element, string name) =>
        element.GetInt64OrNull(name) is { } milliseconds && milliseconds is >= 0 and < 253402300800000
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
}
