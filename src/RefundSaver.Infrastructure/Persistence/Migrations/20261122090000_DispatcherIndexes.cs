using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>
/// Keeps the dispatcher's queries cheap however large the backlog or an app's history: each app's
/// pending requests in due order (the claim walks app by app), a customer's earlier requests by
/// original transaction, and room and early vacuums for a table that works as a queue.
/// </summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122090000_DispatcherIndexes")]
public sealed class DispatcherIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE INDEX ix_consumption_requests_pending_lane ON consumption_requests (app_id, environment, due_at, deadline)
                WHERE state IN ('Received', 'Held', 'Due', 'Sending');
            CREATE INDEX ix_consumption_requests_app_id_original_transaction_id ON consumption_requests (app_id, original_transaction_id);
            ALTER TABLE consumption_requests SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE consumption_requests RESET (fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor);
            DROP INDEX ix_consumption_requests_app_id_original_transaction_id;
            DROP INDEX ix_consumption_requests_pending_lane;
            """);
    }
}
