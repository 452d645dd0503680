using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace RefundSaver.Application.Common.Persistence;

internal static class DbUpdateExceptionExtensions
{
    /// <summary>PostgreSQL's unique_violation.</summary>
    private const string UniqueViolation = "23505";

    /// <summary>A concurrent writer took a unique key first: the check before the write could not see it yet.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException { SqlState: UniqueViolation };
}
