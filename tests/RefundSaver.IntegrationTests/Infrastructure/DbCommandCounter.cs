using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Counts the commands EF Core sends to the database from one API host (it makes one per execution).</summary>
public sealed class DbCommandCounter : DbCommandInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
