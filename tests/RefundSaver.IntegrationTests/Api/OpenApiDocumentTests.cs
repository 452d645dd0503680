using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api;

public sealed partial class OpenApiDocumentTests(RealServersFixture servers) : IntegrationTest(servers)
{
    private const string DocumentPath = "/openapi/v1.json";

    /// <summary>Where the API maps what is not part of it: health probes, the document itself, and Scalar's page.</summary>
    private static readonly string[] NotDocumented = ["/health", "/alive", "/openapi", "/scalar"];

    private static readonly string[] BodyMethods = ["post", "put", "patch"];

    private sealed record MappedOperation(string Method, string Path, bool Authenticated);

    private sealed record DocumentedOperation(string Method, string Path, JsonObject Operation);

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = Api.CreateClient();
        var response = await client.GetAsync(DocumentPath);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ReadJsonAsync(response);
    }

    /// <summary>Every method and route the app maps, as the document writes a path (no constraints, no trailing slash).</summary>
    private List<MappedOperation> MappedOperations() =>
        [.. Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !NotDocumented.Any(prefix => endpoint.RoutePattern.RawText!.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Select(method => new MappedOperation(
                method.ToLowerInvariant(),
                AsDocumentPath(endpoint.RoutePattern.RawText!),
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)))];

    private static string AsDocumentPath(string routePattern) => RouteConstraint().Replace(routePattern, "}").TrimEnd('/');

    private static List<DocumentedOperation> Operations(JsonNode document) =>
        [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(entry => entry.Value is JsonObject && entry.Key != "parameters")
            .Select(entry => new DocumentedOperation(entry.Key, path.Key, entry.Value!.AsObject())))];

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;

    private static bool ReferencesErrorBody(JsonNode? response) =>
        response?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/ErrorBody";

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldAnswerOpenApi3Json()
    {
        using var client = Api.CreateClient();

        var response = await client.GetAsync(DocumentPath);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        document["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        document["info"]!["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        // Every reference resolves, to a schema of the document's own.
        var schemas = document["components"]!["schemas"]!.AsObject().Select(schema => $"#/components/schemas/{schema.Key}").ToHashSet();
        var references = References(document).ToList();
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(reference => schemas.Contains(reference));
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject properties => properties.SelectMany(property => property.Key == "$ref"
            ? [property.Value!.GetValue<string>()]
            : References(property.Value)),
        JsonArray items => items.SelectMany(References),
        _ => [],
    };

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldDescribeEveryMappedRouteWithItsMethod()
    {
        var mapped = MappedOperations().Select(operation => $"{operation.Method} {operation.Path}").Order().ToList();

        var documented = Operations(await DocumentAsync()).Select(operation => $"{operation.Method} {operation.Path}").Order().ToList();

        mapped.Count.ShouldBeGreaterThan(20);
        documented.ShouldBe(mapped);
    }

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldGiveEveryBodyOperationAJsonSchemaOfItsWireNames()
    {
        var document = await DocumentAsync();
        // Its one input is the environment in the query string.
        var withoutBody = new[] { "RequestTestNotification" };

        var operations = Operations(document)
            .Where(operation => BodyMethods.Contains(operation.Method))
            .Where(operation => !withoutBody.Contains(operation.Operation["operationId"]!.GetValue<string>()))
            .ToList();

        operations.Count.ShouldBeGreaterThan(10);
        operations.ShouldAllBe(operation => operation.Operation["requestBody"]!["content"]!["application/json"]!["schema"] != null);
        foreach (var operation in operations)
        {
            var body = Resolve(document, operation.Operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var properties = body["properties"]!.AsObject();
            properties.Count.ShouldBeGreaterThan(0, $"{operation.Method} {operation.Path}");
            // Apple names the webhook's one field; every other body is ours, in snake_case.
            var expectedNames = operation.Path == "/webhooks/app-store"
                ? ["signedPayload"]
                : properties.Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Key));
            properties.Select(property => property.Key).ShouldBe(expectedNames, $"{operation.Method} {operation.Path}");
            // A field that may be left out is shown as the value it holds, null included.
            properties.ShouldAllBe(property => property.Value!["type"]!.ToJsonString().Contains("\"null\""));
        }
    }

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldShowTheSettingsFieldsAsTheirTypesAndChoices()
    {
        var document = await DocumentAsync();

        var operation = document["paths"]!["/api/v2/server-side-api/purchase/profile/refund-saver/settings"]!["post"]!;

        var properties = Resolve(document, operation["requestBody"]!["content"]!["application/json"]!["schema"]!)["properties"]!;
        properties.AsObject().Select(property => property.Key).ShouldBe(["consent", "custom_preference"]);
        properties["consent"]!["type"]!.AsArray().Select(type => type!.GetValue<string>()).Order().ShouldBe(["boolean", "null"]);
        properties["custom_preference"]!["enum"]!.AsArray().Select(choice => choice?.GetValue<string>())
            .ShouldBe(["grant", "decline", "no_preference", null]);
    }

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldListTheErrorBodyAt400WhereInputIsTakenAnd401WhereAuthenticated()
    {
        var document = await DocumentAsync();
        var authenticated = MappedOperations().Where(operation => operation.Authenticated)
            .Select(operation => $"{operation.Method} {operation.Path}").ToHashSet();

        var operations = Operations(document);

        var takingInput = operations.Where(operation => operation.Operation["requestBody"] != null
            || operation.Operation["parameters"]?.AsArray().Any(parameter => parameter!["in"]!.GetValue<string>() is "query" or "header") == true).ToList();
        takingInput.Count.ShouldBeGreaterThan(15);
        takingInput.ShouldAllBe(operation => ReferencesErrorBody(operation.Operation["responses"]!["400"]));
        var withAuthentication = operations.Where(operation => authenticated.Contains($"{operation.Method} {operation.Path}")).ToList();
        withAuthentication.Count.ShouldBe(operations.Count - 1);
        withAuthentication.ShouldAllBe(operation => ReferencesErrorBody(operation.Operation["responses"]!["401"]));
        // Every error the document lists has the one error shape.
        var errorResponses = operations.SelectMany(operation => operation.Operation["responses"]!.AsObject()
            .Where(response => response.Key[0] is '4' or '5')).ToList();
        errorResponses.ShouldAllBe(response => ReferencesErrorBody(response.Value));
        var errorBody = document["components"]!["schemas"]!["ErrorBody"]!["properties"]!.AsObject();
        errorBody.Select(property => property.Key).ShouldBe(["errors", "error_code", "status_code"]);
        errorBody["status_code"]!["type"]!.GetValue<string>().ShouldBe("integer");
    }

    [Fact]
    public async Task GetDocument_WhenRequested_ShouldDeclareTheApiKeyAndBearerSchemesOnTheirOperations()
    {
        var document = await DocumentAsync();

        var schemes = document["components"]!["securitySchemes"]!;

        schemes["ApiKey"]!["type"]!.GetValue<string>().ShouldBe("apiKey");
        schemes["ApiKey"]!["in"]!.GetValue<string>().ShouldBe("header");
        schemes["ApiKey"]!["name"]!.GetValue<string>().ShouldBe("Authorization");
        schemes["AdminToken"]!["type"]!.GetValue<string>().ShouldBe("http");
        schemes["AdminToken"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        foreach (var operation in Operations(document))
        {
            var security = operation.Operation["security"]?.AsArray().SelectMany(requirement => requirement!.AsObject().Select(scheme => scheme.Key)).ToList();
            List<string>? expected = operation.Path.StartsWith("/api/v2/", StringComparison.Ordinal) ? ["ApiKey"]
                : operation.Path.StartsWith("/admin/", StringComparison.Ordinal) ? ["AdminToken"]
                : null;
            security.ShouldBe(expected, $"{operation.Method} {operation.Path}");
        }
    }

    [Theory]
    [InlineData("/api/v2/server-side-api/profile", "get", true)]
    [InlineData("/api/v2/server-side-api/purchase/profile/refund-saver/settings", "post", true)]
    [InlineData("/api/v2/server-side-api/profile/usage", "post", true)]
    [InlineData("/api/v2/server-side-api/purchase/app-store/transactions/link", "post", true)]
    [InlineData("/api/v2/server-side-api/purchase/app-store/transactions/consumption", "post", false)]
    [InlineData("/admin/api/apps", "get", false)]
    public async Task GetDocument_WhenRequested_ShouldNameTheProfileHeadersWhereAProfileIsSelected(string path, string method, bool selectsProfile)
    {
        var document = await DocumentAsync();

        var headers = document["paths"]![path]![method]!["parameters"]?.AsArray()
            .Where(parameter => parameter!["in"]!.GetValue<string>() == "header")
            .Select(parameter => parameter!["name"]!.GetValue<string>()).ToList() ?? [];

        headers.ShouldBe(selectsProfile ? ["adapty-customer-user-id", "adapty-profile-id"] : []);
    }

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
