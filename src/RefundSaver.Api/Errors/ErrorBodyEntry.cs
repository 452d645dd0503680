namespace RefundSaver.Api.Errors;

public sealed record ErrorBodyEntry(string Source, IReadOnlyList<string> Errors);
