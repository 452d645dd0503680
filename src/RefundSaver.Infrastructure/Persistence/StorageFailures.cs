using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>Tells an outage of our own database (answer 503, try again later) from a bug (500).</summary>
public static class StorageFailures
{
    public static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        DbUpdateException { InnerException: { } inner } => IsDatabaseUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsDatabaseUnavailable(inner),
        TimeoutException => true,
        _ => false,
    };
}
