using Npgsql;

namespace RefundSaver.Bench;

/// <summary>
/// A running AppHost, as its log (the resources' URLs) and data directory describe it: the API's
/// and the simulator's URLs, the admin token, and PostgreSQL (user <c>postgres</c>, database
/// <c>refundsaver</c>, its password kept in <c>postgres/password</c>).
/// </summary>
internal sealed record SystemUnderTest(Uri Api, Uri AppStore, string AdminToken, string DatabaseConnectionString)
{
    public static async Task<SystemUnderTest> DiscoverAsync(Uri api, Uri appStore, Uri postgres, string dataDirectory, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder
        {
            Host = postgres.Host,
            Port = postgres.Port,
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "postgres", "password"), cancellationToken)).Trim(),
            Database = "refundsaver",
        };
        var adminToken = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "admin-token"), cancellationToken)).Trim();
        return new SystemUnderTest(WithSlash(api), WithSlash(appStore), adminToken, database.ConnectionString);
    }

    private static Uri WithSlash(Uri url) => new(url.AbsoluteUri.TrimEnd('/') + "/");
}
