using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RefundSaver.AppHost.Servers;

/// <summary>
/// Healthy when the server answers <c>SELECT 1</c>. It connects only once the server's
/// <c>postmaster.pid</c> says "ready": a connection attempt while it starts up (or recovers) is
/// refused with a FATAL line in the server's log, which is noise on every clean start.
/// </summary>
internal sealed class LocalPostgresHealthCheck(string pgData, Func<string> adminConnectionString) : IHealthCheck
{
    // postmaster.pid's eighth line is the server's status (PostgreSQL 10 and later).
    private const int StatusLine = 7;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await ReadStatusAsync(cancellationToken);
        if (status != "ready")
        {
            return HealthCheckResult.Unhealthy($"The server is not ready (postmaster.pid status: {status ?? "none"}).");
        }

        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString());
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The server does not answer.", exception);
        }
    }

    private async Task<string?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(pgData, "postmaster.pid"), cancellationToken);
            return lines.Length > StatusLine ? lines[StatusLine].Trim() : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
