using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RefundSaver.Infrastructure.Persistence.Migrations;

/// <summary>The live dispatcher processes, so that together they never pass Apple's per-app limit.</summary>
[DbContext(typeof(RefundSaverDbContext))]
[Migration("20261122100000_DispatcherHeartbeats")]
public sealed class DispatcherHeartbeats : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE dispatchers (
                owner character varying(100) NOT NULL,
                seen_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_dispatchers PRIMARY KEY (owner));
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE dispatchers;");
    }
}
