namespace RefundSaver.Application.Common.Results;

/// <summary>What was wrong with one input (a field, a header, or <c>non_field_errors</c>).</summary>
public sealed record ErrorDetail(string Source, IReadOnlyList<string> Messages);
