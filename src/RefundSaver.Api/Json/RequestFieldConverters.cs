using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RefundSaver.Api.Json;

/// <summary>
/// Makes the converter of a <see cref="RequestField{T}"/> property, once per property when its
/// metadata is built, with what each type of field accepts and the message for what it does not.
/// </summary>
internal static class RequestFieldConverters
{
    private const string NotValid = "Not a valid value for this field.";

    /// <summary>
    /// The converter of a field named <paramref name="name"/> on the wire holding a <paramref name="valueType"/>;
    /// any other type than the scalars and string lists is an object or a list read with <paramref name="nested"/>.
    /// </summary>
    public static JsonConverter Create(Type valueType, string name, JsonSerializerOptions nested) =>
        valueType == typeof(string) ? new RequestFieldConverter<string?>(name, JsonTokenType.String, "Not a valid string.", ReadString)
        : valueType == typeof(bool?) ? new RequestFieldConverter<bool?>(name, JsonTokenType.True, "Must be a valid boolean.", ReadBoolean)
        : valueType == typeof(Guid?) ? new RequestFieldConverter<Guid?>(name, JsonTokenType.String, "Must be a valid UUID.", ReadGuid)
        : valueType == typeof(long?) ? new RequestFieldConverter<long?>(name, JsonTokenType.Number, "A valid integer is required.", ReadInt64)
        // Any JSON number that fits a decimal (28 significant digits); what range it must be in is the use case's to judge.
        : valueType == typeof(decimal?) ? new RequestFieldConverter<decimal?>(name, JsonTokenType.Number, "A valid number is required.", ReadDecimal)
        : valueType == typeof(IReadOnlyList<string>)
            ? new RequestFieldConverter<IReadOnlyList<string>?>(name, JsonTokenType.StartArray, "Expected a list of strings.", ReadStrings)
        : (JsonConverter)typeof(RequestFieldConverters).GetMethod(nameof(Nested), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(valueType).Invoke(null, [name, nested])!;

    private static string? ReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.GetString();
        return null;
    }

    private static string? ReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.GetBoolean();
        return null;
    }

    private static string? ReadGuid(ref Utf8JsonReader reader, out Guid? value)
    {
        value = Guid.TryParse(reader.GetString(), out var id) ? id : null;
        return value is null ? NotValid : null;
    }

    private static string? ReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = reader.TryGetInt64(out var number) ? number : null;
        return value is null ? NotValid : null;
    }

    private static string? ReadDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = reader.TryGetDecimal(out var number) ? number : null;
        return value is null ? NotValid : null;
    }

    /// <summary>An array of strings only; anything else in it makes the whole list invalid.</summary>
    private static string? ReadStrings(ref Utf8JsonReader reader, out IReadOnlyList<string>? value)
    {
        List<string> items = [];
        var allStrings = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                items.Add(reader.GetString()!);
            }
            else
            {
                allStrings = false;
                reader.Skip();
            }
        }

        value = allStrings ? items : null;
        return allStrings ? null : NotValid;
    }

    /// <summary>An object or a list read into <typeparamref name="T"/>; a shape that does not fit names the place.</summary>
    private static RequestFieldConverter<T?> Nested<T>(string name, JsonSerializerOptions options)
        where T : class
    {
        // Settled as a first serialization would, so that options never used yet have their default resolver.
        options.MakeReadOnly(populateMissingResolver: true);
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var isList = typeInfo.Kind == JsonTypeInfoKind.Enumerable;
        return new RequestFieldConverter<T?>(
            name,
            isList ? JsonTokenType.StartArray : JsonTokenType.StartObject,
            isList ? "Expected a list." : "Expected an object.",
            (ref Utf8JsonReader reader, out T? value) =>
            {
                // A copy is read, so that after a failure the original can skip the whole value.
                var attempt = reader;
                try
                {
                    value = JsonSerializer.Deserialize(ref attempt, typeInfo);
                    reader = attempt;
                    return null;
                }
                catch (JsonException exception)
                {
                    value = null;
                    reader.Skip();
                    return $"Not a valid value at {exception.Path}: {FirstSentence(exception.Message)}";
                }
            });
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? message[..(end + 1)] : message;
}
