using System.Text.Json.Nodes;
using CsCheck;
using RefundSaver.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>
/// Property: whatever body a JSON route is sent, it never answers a 5xx, and every 4xx is in the
/// documented error format. Bodies are the routes' valid ones with hostile values put in (see
/// <see cref="HostileValues"/>); the routes are those the OpenAPI document lists with a JSON body.
/// </summary>
public sealed class RequestFuzzTests(RealServersFixture servers, ITestOutputHelper output) : HostileInputTest(servers)
{
    /// <summary>Fixed, so that a run is repeatable; CsCheck prints the failing case's own seed to replay it.</summary>
    private const string Seed = "0N0XIzNsQ0O2";

    private const int Cases = 300;

    [Fact]
    public async Task OpenApiDocument_WhenItsJsonBodyOperationsAreListed_ShouldBeTheRoutesFuzzedWithEveryField()
    {
        using var response = await Api.CreateClient().GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var operations = new Dictionary<string, JsonNode>();
        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    operations[operation["operationId"]!.GetValue<string>()] = schema;
                }
            }
        }

        operations.Keys.Order().ShouldBe(BodyEndpoints.All.Select(endpoint => endpoint.Name).Order());
        foreach (var endpoint in BodyEndpoints.All)
        {
            var schema = operations[endpoint.Name];
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
            }

            // Each documented field is in the valid body, so the fuzzer makes each of them hostile.
            schema["properties"]!.AsObject().Select(property => property.Key)
                .ShouldBeSubsetOf(endpoint.Body().Select(property => property.Key), endpoint.Name);
        }
    }

    [Fact]
    public async Task EveryJsonRoute_WhenSentGeneratedHostileBodies_ShouldNeverAnswer5xxAndAnswerEvery4xxInTheErrorFormat()
    {
        var app = await CreateAppWithProfileAsync();
        var cases = Gen.Int[0, BodyEndpoints.All.Count - 1]
            .SelectMany(index => HostileValues.Body(BodyEndpoints.All[index]).Select(body => (Endpoint: BodyEndpoints.All[index], Body: body)));

        await cases.SampleAsync(
            async sample =>
            {
                using var response = await SendAsync(sample.Endpoint, app, sample.Body);
                var what = $"{sample.Endpoint.Name} {Shorten(sample.Body)}";
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{what}: {await response.Content.ReadAsStringAsync()}");
                if ((int)response.StatusCode >= 400)
                {
                    await ShouldBeDocumentedClientErrorAsync(response, what);
                }
            },
            writeLine: output.WriteLine,
            seed: Seed,
            iter: Cases,
            threads: 1,
            print: sample => $"{sample.Endpoint.Name} {Shorten(sample.Body)}");
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + $"… ({body.Length} chars)";
}
