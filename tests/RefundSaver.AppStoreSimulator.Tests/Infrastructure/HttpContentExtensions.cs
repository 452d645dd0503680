using System.Net.Http.Json;
using System.Text.Json;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

public static class HttpContentExtensions
{
    public static async Task<JsonElement> ReadFromJsonAsync(this HttpContent content) => await content.ReadFromJsonAsync<JsonElement>();
}
