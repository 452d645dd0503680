using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RefundSaver.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationRefundOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "refund_outcome",
                table: "notifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Decisions stored before the column get the outcome the webhook gave them then, so that a
            // request arriving after its refund still finds it. (History: the webhook's handler owns the mapping now.)
            migrationBuilder.Sql("""
                UPDATE notifications
                SET refund_outcome = CASE notification_type WHEN 'REFUND' THEN 'Refunded' WHEN 'REFUND_DECLINED' THEN 'Declined' ELSE 'Reversed' END
                WHERE transaction_id IS NOT NULL AND notification_type IN ('REFUND', 'REFUND_DECLINED', 'REFUND_REVERSED')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "refund_outcome",
                table: "notifications");
        }
    }
}
