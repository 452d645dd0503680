using Npgsql;
using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class PostgresResourceTests
{
    [Fact]
    public async Task StartAsync_WhenPostgresAdded_ShouldAnswerRealQueryOnItsDatabase()
    {
        var builder = TestApplications.CreateBuilder();
        builder.AddFastPostgresDatabase();
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());

        var connectionString = (await app.GetConnectionStringAsync("refundsaver")).ShouldNotBeNull();
        connectionString.ShouldStartWith("Host=127.0.0.1;Port=");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), current_setting('max_connections'), current_setting('fsync'), current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldBe("refundsaver");
        reader.GetString(1).ShouldBe("300");
        reader.GetString(2).ShouldBe("off");
        reader.GetString(3).ShouldBe("postgres");
    }

    [Fact]
    public async Task StartAsync_WhenDataDirectoryReused_ShouldKeepPasswordAndDataWithoutInitdb()
    {
        using var data = new TemporaryDirectory();
        string firstConnectionString;
        await using (var first = BuildPostgresApp(data.Path))
        {
            await first.StartAsync(TestApplications.DeadlineToken());
            firstConnectionString = (await first.GetConnectionStringAsync("refundsaver"))!;
            await ExecuteAsync(firstConnectionString, "CREATE TABLE marker (value text); INSERT INTO marker VALUES ('kept')");
        }

        await using var second = BuildPostgresApp(data.Path);
        await second.StartAsync(TestApplications.DeadlineToken());

        var secondConnectionString = (await second.GetConnectionStringAsync("refundsaver"))!;
        new NpgsqlConnectionStringBuilder(secondConnectionString).Password
            .ShouldBe(new NpgsqlConnectionStringBuilder(firstConnectionString).Password);
        (await ScalarAsync(secondConnectionString, "SELECT value FROM marker")).ShouldBe("kept");
        second.GetResource("postgres").Log.GetLinesAfter(0).ShouldNotContain(line => line.Text.Contains("initdb"));
    }

    private static DistributedApplication BuildPostgresApp(string dataDirectory)
    {
        var builder = TestApplications.CreateBuilder(dataDirectory);
        builder.AddFastPostgresDatabase();
        return builder.Build();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
