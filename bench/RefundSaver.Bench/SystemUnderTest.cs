using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace RefundSaver.Bench;

/// <summary>
/// A running AppHost, as its dashboard (<c>/api/resources</c>) and data directory describe it: the
/// API's and the simulator's URLs, the admin token, and PostgreSQL (user <c>postgres</c>, database
/// <c>refundsaver</c>, its password kept in <c>postgres/password</c>).
/// </summary>
internal sealed record SystemUnderTest(Uri Api, Uri AppStore, string AdminToken, string DatabaseConnectionString)
{
    public static async Task<SystemUnderTest> DiscoverAsync(HttpClient http, Uri dashboard, string dataDirectory, CancellationToken cancellationToken)
    {
        var resources = await http.GetFromJsonAsync<JsonElement>(new Uri(dashboard, "api/resources"), cancellationToken);
        Uri UrlOf(string name)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.GetProperty("name").GetString() == name && resource.GetProperty("url").GetString() is { Length: > 0 } url)
                {
                    return new Uri(url.TrimEnd('/') + "/");
                }
            }

            throw new BenchFailure($"The AppHost's dashboard ({dashboard}) lists no resource '{name}' with a URL: is it the AppHost with the simulator?");
        }

        var postgres = UrlOf("postgres");
        var database = new NpgsqlConnectionStringBuilder
        {
            Host = postgres.Host,
            Port = postgres.Port,
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "postgres", "password"), cancellationToken)).Trim(),
            Database = "refundsaver",
        };
        var adminToken = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "admin-token"), cancellationToken)).Trim();
        return new SystemUnderTest(UrlOf("api"), UrlOf("appstore"), adminToken, database.ConnectionString);
    }
}
