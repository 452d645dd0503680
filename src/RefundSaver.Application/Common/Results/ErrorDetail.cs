namespace RefundSaver.Application.Common.Results;

/// <summary>
/// What was wrong with one input, named by its path in the request record (<c>AppStoreCredentials.KeyId</c>,
/// as FluentValidation names it) or <see cref="Error.WholeRequest"/>; the API turns it into the wire's name.
/// </summary>
public sealed record ErrorDetail(string Source, IReadOnlyList<string> Messages);
