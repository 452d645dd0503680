using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>JSON calls that must succeed, failing the test with the body otherwise.</summary>
public static class JsonHttp
{
    public static async Task<JsonNode> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public static Task<JsonNode> GetJsonAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);

    public static Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body) => client.SendAsync(HttpMethod.Post, path, body);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds, for at most <paramref name="within"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds:0} s for {what}; last seen: {value}");
            }

            await Task.Delay(250);
        }
    }
}
