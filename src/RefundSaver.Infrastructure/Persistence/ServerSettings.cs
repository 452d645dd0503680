using Npgsql;

namespace RefundSaver.Infrastructure.Persistence;

internal static class ServerSettings
{
    /// <summary>The connection string with <paramref name="setting"/> (<c>name=value</c>) set for each of its sessions.</summary>
    public static string With(string connectionString, string setting)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c {setting}".Trim();
        return builder.ConnectionString;
    }
}
