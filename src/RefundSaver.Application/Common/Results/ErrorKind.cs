namespace RefundSaver.Application.Common.Results;

public enum ErrorKind
{
    Validation,
    NotFound,
    Unauthorized,
    Conflict,
    TooLarge,
    Unprocessable,
    Unavailable,
}
