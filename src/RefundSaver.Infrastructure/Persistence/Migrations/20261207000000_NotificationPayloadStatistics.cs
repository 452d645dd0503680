using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>
/// No query filters or joins on a notification's payload, so its statistics serve no plan, yet
/// gathering them (reading and sorting thousands of JSON documents) made each automatic analyze of
/// a busy webhook's table cost a core for half a second, ten times what the other columns cost.
/// </summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261207000000_NotificationPayloadStatistics")]
public sealed class NotificationPayloadStatistics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE notifications ALTER COLUMN payload SET STATISTICS 0;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE notifications ALTER COLUMN payload SET STATISTICS -1;");
}
