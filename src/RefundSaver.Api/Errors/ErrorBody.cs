namespace RefundSaver.Api.Errors;

/// <summary>
/// Every error the API answers, in seed 000's shape:
/// <c>{"errors":[{"source":…,"errors":[…]}],"error_code":…,"status_code":…}</c>.
/// </summary>
public sealed record ErrorBody(IReadOnlyList<ErrorBodyEntry> Errors, string ErrorCode, int StatusCode);
