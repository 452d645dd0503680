namespace RefundSaver.Application.Common.Results;

/// <summary>An expected failure: a value, turned into an HTTP answer in one place by the API.</summary>
public sealed record Error(ErrorKind Kind, string Code, IReadOnlyList<ErrorDetail> Details)
{
    /// <summary>The source of an error about the request as a whole rather than one of its inputs.</summary>
    public const string WholeRequest = "";

    public static Error Validation(IReadOnlyList<ErrorDetail> details) => new(ErrorKind.Validation, "validation_error", details);

    public static Error Validation(string source, string message) => Validation([new ErrorDetail(source, [message])]);

    public static Error NotFound(string code, string message) =>
        new(ErrorKind.NotFound, code, [new ErrorDetail(WholeRequest, [message])]);

    public static Error Conflict(string code, string source, string message) =>
        new(ErrorKind.Conflict, code, [new ErrorDetail(source, [message])]);

    public static Error Unauthorized(string message) =>
        new(ErrorKind.Unauthorized, "not_authenticated", [new ErrorDetail(WholeRequest, [message])]);
}
