using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RefundSaver.Application.Apps.Rules;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Api.Json;

/// <summary>
/// Reads a request's JSON object into its typed body ourselves, so that malformed JSON, a wrong type or
/// an oversized body get the API's error shape rather than the framework's, and so that a left-out
/// field can be told from an explicit null. Unknown fields are ignored, as Adapty's API does.
/// </summary>
public static class JsonRequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Django REST framework's words for U+0000 in a string, as Adapty answers.</summary>
    public const string NullCharacterMessage = "Null characters are not allowed.";

    /// <summary>
    /// Source-generated metadata whose <see cref="RequestField{T}"/> properties each get a converter that
    /// knows the field's wire name; objects and lists inside a field are read as rules are stored.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(RequestBodyJsonContext.Default.Options)
    {
        TypeInfoResolver = RequestBodyJsonContext.Default.WithAddedModifier(typeInfo =>
        {
            foreach (var property in typeInfo.Properties)
            {
                if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(RequestField<>))
                {
                    property.CustomConverter = RequestFieldConverters.Create(
                        property.PropertyType.GetGenericArguments()[0], property.Name, PreferenceRules.Json);
                }
            }
        }),
    };

    /// <summary>Reads the body and maps its fields; any field of the wrong type fails the whole read, naming every such field.</summary>
    public static async Task<Result<T>> ReadAsync<TBody, T>(
        HttpRequest request, Func<TBody, FieldErrors, T> map, CancellationToken cancellationToken)
        where TBody : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge;
        }

        // Sized by the declared length, so a webhook's 7 KB body is not copied through doubling buffers.
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 0, MaxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return TooLarge;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var json = buffer.Length == 0 ? "{}"u8 : buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (FieldWithNullCharacter(json) is { } field)
        {
            return Error.Validation(field, NullCharacterMessage);
        }

        var body = Deserialize(json, (JsonTypeInfo<TBody>)Options.GetTypeInfo(typeof(TBody)));
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var fields = new FieldErrors();
        var value = map(body.Value, fields);
        return fields.Error is { } typeError ? typeError : value;
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "an object",
    };

    private static Result<TBody> Deserialize<TBody>(ReadOnlySpan<byte> json, JsonTypeInfo<TBody> typeInfo)
        where TBody : class
    {
        JsonException? failure = null;
        try
        {
            if (JsonSerializer.Deserialize(json, typeInfo) is { } body)
            {
                return body;
            }
        }
        catch (JsonException exception)
        {
            failure = exception;
        }

        return Rejection(json, failure);
    }

    /// <summary>
    /// Why a body is no object to read, found by a second pass that only the rejected pay for, in the
    /// words of <see cref="JsonDocument"/>'s parser as the API has always answered.
    /// </summary>
    private static Error Rejection(ReadOnlySpan<byte> json, JsonException? failure)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            var root = reader.TokenType;
            while (reader.Read())
            {
            }

            if (root != JsonTokenType.StartObject)
            {
                return Error.Validation(Error.WholeRequest, $"Invalid data. Expected a JSON object, but got {Describe(root)}.");
            }
        }
        catch (JsonException exception)
        {
            return ParseError(exception);
        }

        // Well-formed, yet a value could not be read (a string with half a surrogate pair): the reader's reason.
        return ParseError(failure!.InnerException ?? failure);
    }

    /// <summary>
    /// The field (its top-level name) of the first string or name holding U+0000, which PostgreSQL's text and jsonb
    /// cannot store, or null. JSON can only spell it escaped, so a body without <c>\u0000</c> is not read twice.
    /// </summary>
    private static string? FieldWithNullCharacter(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf(@"\u0000"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        var field = Error.WholeRequest;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    field = Error.WholeRequest;
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    return field;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    field = reader.GetString()!;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or half a surrogate pair: the ordinary read answers it in its own words.
        }

        return null;
    }

    private static Error ParseError(Exception exception) =>
        Error.Validation(Error.WholeRequest, $"JSON parse error - {exception.Message}");

    private static Error TooLarge { get; } = new(
        ErrorKind.TooLarge, "request_too_large", [new ErrorDetail(Error.WholeRequest, [$"The request body is larger than {MaxBytes} bytes."])]);
}
