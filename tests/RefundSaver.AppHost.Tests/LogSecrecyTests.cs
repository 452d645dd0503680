using RefundSaver.AppHost.Servers;
using RefundSaver.AppHost.Tests.Infrastructure;
using RefundSaver.TestSupport;
using RefundSaver.TestSupport.Aspire;

namespace RefundSaver.AppHost.Tests;

/// <summary>
/// What every process prints at its most verbose (the API and the simulator at Trace in every
/// category, PostgreSQL logging every statement), through a whole refund journey, holds none of the
/// secrets that pass through it: tokens, keys, passwords, signed payloads.
/// </summary>
public sealed class LogSecrecyTests
{
    /// <summary>The categories the services' appsettings quieten, opened up too.</summary>
    private static readonly string[] Categories =
        ["Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Database.Command", "Npgsql", "System.Net.Http.HttpClient"];

    [Fact]
    public async Task Logs_WhenEveryProcessLogsEverythingThroughAWholeJourney_ShouldHoldNoSecret()
    {
        using var data = new TemporaryDirectory();
        RefundJourney journey;
        IReadOnlyList<ResourceLogLine> logs;
        string adminToken;
        await using (var appHost = await RunningAppHost.StartAsync(data.Path, Verbose))
        {
            journey = await RefundJourney.WalkAsync(appHost);
            adminToken = appHost.AdminToken;
            await appHost.StopAsync();
            logs = appHost.Logs;
        }

        journey.Request!["state"]!.GetValue<string>().ShouldBe("answered", "the whole journey ran");
        logs.ShouldContain(line => line.Resource == "api" && line.Content.Contains("trce", StringComparison.Ordinal), "the API logged at Trace");
        logs.ShouldContain(line => line.Resource == "postgres" && line.Content.Contains("statement:", StringComparison.Ordinal), "PostgreSQL logged statements");
        var secrets = new Dictionary<string, string>
        {
            ["admin token"] = adminToken,
            ["API key's secret"] = journey.ApiKey[(journey.ApiKey.IndexOf('.', StringComparison.Ordinal) + 1)..],
            ["credentials key"] = Stored(data.Path, "credentials-key"),
            ["API's database password"] = Stored(data.Path, "database-api-password"),
            ["PostgreSQL's password"] = Stored(Path.Combine(data.Path, "postgres"), "password"),
        };
        foreach (var (index, line) in journey.PrivateKeyPem.Split('\n').Where(line => line.Length >= 40 && !line.StartsWith("-----", StringComparison.Ordinal)).Index())
        {
            secrets[$"App Store private key, line {index + 1}"] = line.Trim();
        }

        foreach (var (name, secret) in secrets)
        {
            logs.Where(line => line.Content.Contains(secret, StringComparison.Ordinal))
                .Select(line => $"[{line.Resource}] {line.Content}").ShouldBeEmpty($"the {name} is in the logs");
        }

        logs.Where(line => SecretPatterns.SignedToken().IsMatch(line.Content))
            .Select(line => $"[{line.Resource}] {line.Content}").ShouldBeEmpty("a signed payload or token is in the logs");
    }

    private static void Verbose(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            foreach (var category in Categories)
            {
                resource.WithEnvironment($"Logging__LogLevel__{category}", "Trace");
            }
        }

        foreach (var postgres in builder.Resources.OfType<LocalPostgresServerResource>())
        {
            postgres.Settings["log_statement"] = "all";
        }
    }

    private static string Stored(string directory, string file) => File.ReadAllText(Path.Combine(directory, file)).Trim();
}
