using Microsoft.EntityFrameworkCore;

namespace RefundSaver.Application.Common.Persistence;

/// <summary>
/// A save lost a unique key to a concurrent writer: the check before the write could not see it yet.
/// The database context raises it in place of the provider's error, so use cases need no error codes.
/// </summary>
public sealed class UniqueKeyViolationException(DbUpdateException exception)
    : DbUpdateException(exception.Message, exception.InnerException, exception.Entries);
