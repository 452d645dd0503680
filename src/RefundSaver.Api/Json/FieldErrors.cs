using RefundSaver.Application.Common.Results;
using RefundSaver.Domain.Common;

namespace RefundSaver.Api.Json;

/// <summary>Takes a request body's fields for a use case, noting every field that had the wrong type.</summary>
public sealed class FieldErrors
{
    private List<ErrorDetail>? _errors;

    /// <summary>Null when every field checked had the right type.</summary>
    public Error? Error => _errors is null ? null : Error.Validation(_errors);

    /// <summary>The field's value (left out, or given); a wrong type is noted and reads as left out.</summary>
    public Optional<T> Check<T>(RequestField<T> field)
    {
        if (field.Error is { } error)
        {
            (_errors ??= []).Add(error);
        }

        return field.Value;
    }
}
