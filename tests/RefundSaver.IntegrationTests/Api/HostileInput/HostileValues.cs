using System.Text.Json.Nodes;
using CsCheck;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>Generators of what a careless or hostile client sends, as raw JSON text.</summary>
public static class HostileValues
{
    private const string Marker = "\u0001hostile\u0001";

    /// <summary>A JSON value a field should never get: half surrogates, numbers past any type, wrong types, deep nesting, nulls.</summary>
    public static Gen<string> Value { get; } = Gen.OneOf(
        Gen.OneOf<string>(
            "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\\ud83d\"", "\"\\u0000\"", "\"😀\"", "\"\"", "\"   \"",
            "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808",
            "2147483648", "1.00000000000000000000000000001", "-0", "0.5", "-1", "0",
            "true", "false", "null", "[]", "{}", "[null]", "[1]", "{\"when\": null}", "\"2020-13-45\"", "\"not-a-uuid\""),
        Gen.Int[1, 3000].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[1, 1500].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)),
        Gen.Int[256, 20_000].Select(length => "\"" + new string('x', length) + "\""));

    /// <summary>A whole body that is no object to read.</summary>
    public static Gen<string> WholeBody { get; } = Gen.OneOf<string>(
        "", " ", "null", "[]", "\"text\"", "1", "{", "{\"a\":", "{\"a\" 1}", "{} {}", "{\"a\":1,}", "\"\\ud800\"", "\ufeff{}");

    /// <summary>
    /// A body of <paramref name="endpoint"/>: its valid body with up to three values (or unknown fields) made hostile,
    /// or, now and then, a whole body that is no object.
    /// </summary>
    public static Gen<string> Body(BodyEndpoint endpoint)
    {
        var paths = Paths(endpoint.Body(), string.Empty).ToArray();
        var change = Gen.Frequency(
            (6, Gen.Int[0, paths.Length - 1].Select(index => paths[index])),
            (1, Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(name => "+" + name)));
        var mutated = Gen.Select(change.Array[1, 3], Value.Array[3], (targets, values) => Mutate(endpoint, targets, values));
        return Gen.Frequency((9, mutated), (1, WholeBody));
    }

    private static string Mutate(BodyEndpoint endpoint, string[] targets, string[] values)
    {
        var body = endpoint.Body();
        var markers = new List<(string Marker, string Value)>();
        for (var index = 0; index < targets.Length; index++)
        {
            var marker = Marker + index;
            markers.Add((JsonValue.Create(marker).ToJsonString(), values[index]));
            if (targets[index].StartsWith('+'))
            {
                body[targets[index][1..]] = marker;
            }
            else
            {
                Set(body, targets[index], marker);
            }
        }

        var text = body.ToJsonString();
        foreach (var (quotedMarker, value) in markers)
        {
            text = text.Replace(quotedMarker, value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Sets the value at a dotted path, if it is still there (an earlier change may have replaced its parent).</summary>
    private static void Set(JsonNode root, string path, string value)
    {
        JsonNode? parent = root;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            parent = parent switch
            {
                JsonArray array when int.TryParse(step, out var index) && index < array.Count => array[index],
                JsonObject obj => obj[step],
                _ => null,
            };
        }

        switch (parent)
        {
            case JsonArray array when int.TryParse(steps[^1], out var at) && at < array.Count:
                array[at] = value;
                break;
            case JsonObject obj:
                obj[steps[^1]] = value;
                break;
        }
    }

    /// <summary>Every value's dotted path in a body, containers included.</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string prefix)
    {
        IEnumerable<(string Name, JsonNode? Child)> children = node switch
        {
            JsonObject obj => obj.Select(property => (property.Key, property.Value)),
            JsonArray array => array.Select((child, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), child)),
            _ => [],
        };
        foreach (var (name, child) in children)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            yield return path;
            foreach (var inner in Paths(child, path))
            {
                yield return inner;
            }
        }
    }
}
