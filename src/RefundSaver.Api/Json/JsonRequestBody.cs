using System.Buffers;
using System.Text.Json;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.Api.Json;

/// <summary>
/// Reads a request's JSON object ourselves, so that malformed JSON, a wrong type or an oversized body
/// get the API's error shape rather than the framework's, and so that a left-out field can be told
/// from an explicit null.
/// </summary>
public static class JsonRequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads the body's object and maps its fields; any type error fails the whole read.</summary>
    public static async Task<Result<T>> ReadAsync<T>(
        HttpRequest request, Func<JsonFields, T> map, CancellationToken cancellationToken)
    {
        var body = await ReadObjectAsync(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var fields = new JsonFields(body.Value);
        var value = map(fields);
        return fields.Error is { } typeError ? typeError : value;
    }

    private static async Task<Result<JsonElement>> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
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

        if (buffer.Length == 0)
        {
            return EmptyObject;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : Error.Validation(Error.NonFieldErrors, $"Invalid data. Expected a JSON object, but got {Describe(document.RootElement)}.");
        }
        catch (JsonException exception)
        {
            return Error.Validation(Error.NonFieldErrors, $"JSON parse error - {exception.Message}");
        }
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    private static Error TooLarge { get; } = new(
        ErrorKind.TooLarge, "request_too_large", [new ErrorDetail(Error.NonFieldErrors, [$"The request body is larger than {MaxBytes} bytes."])]);

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
