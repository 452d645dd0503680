using System.Text.Json.Serialization;
using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Api.Json;

/// <summary>
/// A field of a request body as it was sent: left out, given (an explicit null included), or of the
/// wrong JSON type. A wrong type is kept as an error instead of failing the read, so that every
/// wrong field of a body is reported at once.
/// </summary>
public readonly struct RequestField<T>
{
    internal RequestField(Optional<T> value, ErrorDetail? error)
    {
        Value = value;
        Error = error;
    }

    // Not wire members: RequestFieldConverter reads the field, and the document shows it as T.
    [JsonIgnore]
    public Optional<T> Value { get; }

    [JsonIgnore]
    public ErrorDetail? Error { get; }
}
