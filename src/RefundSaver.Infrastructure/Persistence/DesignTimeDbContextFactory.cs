using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RefundSaver.Infrastructure.Persistence;

/// <summary>
/// The context <c>dotnet ef</c> builds. Adding and scripting migrations need only the model, so it
/// names no server: the tools run with no database and no connection string.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RefundSaverDbContext>
{
    public RefundSaverDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RefundSaverDbContext>().UseNpgsql().Options);
}
