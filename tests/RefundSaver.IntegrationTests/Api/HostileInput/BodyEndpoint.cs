using System.Text.Json.Nodes;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>Who a request is sent as.</summary>
public enum Caller
{
    Admin,
    App,
    Apple,
}

/// <summary>
/// A route that reads a JSON body: how to call it (its path made from the test's app), a body it
/// accepts, and where that body's strings are (dotted paths, list items by index).
/// </summary>
public sealed record BodyEndpoint(
    string Name, HttpMethod Method, Func<Guid, string> Path, Caller Caller, string ValidBody, IReadOnlyList<string> StringFields)
{
    public JsonObject Body() => JsonNode.Parse(ValidBody)!.AsObject();

    public override string ToString() => Name;
}
