using System.Text.Json;
using System.Text.Json.Serialization;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Api.Json;

/// <summary>
/// Reads one request body property (<paramref name="name"/>, its wire name): null is an explicit
/// null, any other JSON kind than <paramref name="expected"/> is recorded as "<paramref name="message"/>
/// Got a string." and skipped, in Django REST framework's words as Adapty answers.
/// </summary>
internal sealed class RequestFieldConverter<T>(string name, JsonTokenType expected, string message, FieldValueReader<T> read)
    : JsonConverter<RequestField<T>>
{
    public override bool HandleNull => true;

    public override RequestField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new RequestField<T>(Optional<T>.Of(default!), null);
        }

        var given = reader.TokenType;
        if (given != expected && !(expected == JsonTokenType.True && given == JsonTokenType.False))
        {
            reader.Skip();
            return Invalid($"{message} Got {JsonRequestBody.Describe(given)}.");
        }

        return read(ref reader, out var value) is { } problem ? Invalid(problem) : new RequestField<T>(Optional<T>.Of(value), null);
    }

    public override void Write(Utf8JsonWriter writer, RequestField<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Request fields are read, never written.");

    private RequestField<T> Invalid(string problem) => new(Optional<T>.Unset, new ErrorDetail(name, [problem]));
}
