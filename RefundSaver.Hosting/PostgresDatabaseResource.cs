using Microsoft.Extensions.Configuration;
using Npgsql;

namespace RefundSaver.Hosting;

/// <summary>
/// A database on a <see cref="PostgresServerResource"/>, created if missing once the server runs.
/// A configured <c>ConnectionStrings:&lt;name&gt;</c> replaces it (and then no server is started for it).
/// </summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    private readonly IConfiguration _configuration;

    internal PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent, IConfiguration configuration)
        : base(name)
    {
        DatabaseName = databaseName;
        Parent = parent;
        _configuration = configuration;
        WaitsFor.Add(parent);
        References.Add(parent);
    }

    public string DatabaseName { get; }

    public PostgresServerResource Parent { get; }

    public override string ResourceType => "PostgresDatabase";

    public override bool IsExternal => ConfiguredConnectionString is not null;

    private string? ConfiguredConnectionString => _configuration.GetConnectionString(Name);

    public async ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        if (ConfiguredConnectionString is { } configured)
        {
            return configured;
        }

        var server = await Parent.GetConnectionStringAsync(cancellationToken);
        return server is null ? null : new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
    }

    private protected override async Task StartCoreAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        await using var connection = await Parent.OpenAdminConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quotedName = "\"" + DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        Log.Append($"Created database {quotedName}.");
    }

    // Nothing runs for a database: stopping the server stops it.
    private protected override Task StopCoreAsync() => Task.CompletedTask;
}
