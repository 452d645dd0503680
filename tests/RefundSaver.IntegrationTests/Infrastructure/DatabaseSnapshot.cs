using Npgsql;

namespace RefundSaver.IntegrationTests.Infrastructure;

/// <summary>Every stored row of a database as text, to show that a refused request changed nothing.</summary>
public static class DatabaseSnapshot
{
    /// <summary>Tables written by background work on its own schedule (heartbeats, send slots), not by requests.</summary>
    private static readonly string[] Background = ["dispatchers", "send_slots", "__EFMigrationsHistory"];

    public static Task<string> TakeAsync(string connectionString) => TakeAsync(connectionString, null);

    /// <summary>The rows of one app: those of every table that has an <c>app_id</c>, with that app's id.</summary>
    public static Task<string> TakeOfAppAsync(string connectionString, Guid appId) => TakeAsync(connectionString, appId);

    private static async Task<string> TakeAsync(string connectionString, Guid? appId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        List<string> tables = [];
        await using (var list = new NpgsqlCommand(
            """
            SELECT table_name FROM information_schema.tables t
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND (@all OR EXISTS (SELECT 1 FROM information_schema.columns c
                                   WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'app_id'))
            ORDER BY table_name
            """,
            connection) { Parameters = { new("all", appId is null) } })
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
            var filter = appId is null ? string.Empty : " WHERE app_id = @app";
            await using var rows = new NpgsqlCommand(
                $"SELECT coalesce(json_agg(row_to_json(t)::text ORDER BY row_to_json(t)::text), '[]') FROM \"{table}\" t{filter}", connection);
            rows.Parameters.AddWithValue("app", appId ?? Guid.Empty);
            snapshot.Append(table).Append(": ").AppendLine((string?)await rows.ExecuteScalarAsync());
        }

        return snapshot.ToString();
    }
}
