using Npgsql;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Every stored row of a database as text, to show that a refused request changed nothing.</summary>
public static class DatabaseSnapshot
{
    /// <summary>Tables written by background work on its own schedule (heartbeats, send slots), not by requests.</summary>
    private static readonly string[] Background = ["dispatchers", "send_slots", "__EFMigrationsHistory"];

    public static async Task<string> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        List<string> tables = [];
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new System.Text.StringBuilder();
        foreach (var table in tables.Except(Background))
        {
            await using var rows = new NpgsqlCommand(
                $"SELECT coalesce(json_agg(row_to_json(t)::text ORDER BY row_to_json(t)::text), '[]') FROM \"{table}\" t", connection);
            snapshot.Append(table).Append(": ").AppendLine((string?)await rows.ExecuteScalarAsync());
        }

        return snapshot.ToString();
    }
}
