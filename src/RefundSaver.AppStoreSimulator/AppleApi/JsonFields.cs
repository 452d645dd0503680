using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Strict reads of request fields: a field of the wrong JSON type counts as invalid, never coerced.</summary>
public static class JsonFields
{
    /// <summary>Whether the field is there and not null.</summary>
    public static bool IsPresent(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static bool IsTrue(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static bool IsBoolean(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>An integer (no fraction, no string) within [min, max].</summary>
    public static bool IsIntegerIn(JsonElement body, string name, long min, long max) =>
        TryGetInteger(body, name, out var number) && number >= min && number <= max;

    public static bool TryGetInteger(JsonElement body, string name, out long number)
    {
        number = 0;
        return body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out number);
    }

    public static bool TryGetString(JsonElement body, string name, out string text)
    {
        text = string.Empty;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        text = value.GetString()!;
        return true;
    }
}
