using System.Text.Json;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Api.Json;

/// <summary>
/// Typed reads of a JSON object's fields that collect every type error, naming each field, before
/// anything reaches a use case. Unknown fields are ignored, as Adapty's API does.
/// </summary>
public sealed class JsonFields(JsonElement body)
{
    private readonly List<ErrorDetail> _errors = [];

    public Error? Error => _errors.Count == 0 ? null : Error.Validation(_errors);

    public Optional<string?> OptionalString(string name) =>
        Read(name, JsonValueKind.String, "Not a valid string.", value => value.GetString());

    public Optional<bool?> OptionalBoolean(string name) =>
        Read(name, JsonValueKind.True, "Must be a valid boolean.", value => (bool?)value.GetBoolean());

    public Optional<Guid?> OptionalGuid(string name) =>
        Read(name, JsonValueKind.String, "Must be a valid UUID.", value => Guid.TryParse(value.GetString(), out var id) ? id : Invalid<Guid?>(name));

    public Optional<long?> OptionalInt64(string name) =>
        Read(name, JsonValueKind.Number, "A valid integer is required.", value => value.TryGetInt64(out var number) ? number : Invalid<long?>(name));

    /// <summary>Any JSON number that fits a decimal (28 significant digits); what range it must be in is the use case's to judge.</summary>
    public Optional<decimal?> OptionalDecimal(string name) =>
        Read(name, JsonValueKind.Number, "A valid number is required.", value => value.TryGetDecimal(out var number) ? number : Invalid<decimal?>(name));

    /// <summary>An array of strings; null is kept as null for the use case to judge.</summary>
    public Optional<IReadOnlyList<string>?> OptionalStringArray(string name) =>
        Read(name, JsonValueKind.Array, "Expected a list of strings.", value =>
            value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
                ? value.EnumerateArray().Select(item => item.GetString()!).ToList()
                : Invalid<IReadOnlyList<string>>(name));

    /// <summary>An object or array read into <typeparamref name="T"/>; a shape that does not fit names the field and the place.</summary>
    public Optional<T?> OptionalJson<T>(string name, JsonValueKind expected, JsonSerializerOptions options)
        where T : class =>
        Read(name, expected, expected == JsonValueKind.Array ? "Expected a list." : "Expected an object.", value =>
        {
            try
            {
                return value.Deserialize<T>(options);
            }
            catch (JsonException exception)
            {
                _errors.Add(new ErrorDetail(name, [$"Not a valid value at {exception.Path}: {FirstSentence(exception.Message)}"]));
                return null;
            }
        });

    private static string FirstSentence(string message) =>
        message.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? message[..(end + 1)] : message;

    private T? Invalid<T>(string name)
    {
        _errors.Add(new ErrorDetail(name, ["Not a valid value for this field."]));
        return default;
    }

    private Optional<T?> Read<T>(string name, JsonValueKind expected, string message, Func<JsonElement, T?> convert)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return Optional<T?>.Unset;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return Optional<T?>.Of(default);
        }

        var matches = value.ValueKind == expected
            || (expected == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        if (!matches)
        {
            _errors.Add(new ErrorDetail(name, [$"{message} Got {JsonRequestBody.Describe(value)}."]));
            return Optional<T?>.Unset;
        }

        return Optional<T?>.Of(convert(value));
    }
}
