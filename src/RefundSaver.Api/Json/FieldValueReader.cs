using System.Text.Json;

namespace RefundSaver.Api.Json;

/// <summary>Reads a field's value of the expected JSON kind; returns null, or why the value does not fit the field.</summary>
internal delegate string? FieldValueReader<T>(ref Utf8JsonReader reader, out T value);
