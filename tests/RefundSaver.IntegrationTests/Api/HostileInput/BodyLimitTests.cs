using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RefundSaver.Api.Json;
using RefundSaver.IntegrationTests.Infrastructure;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>
/// The body limit (<see cref="JsonRequestBody.MaxBytes"/>, 65,536 bytes) pinned from both sides on every
/// route that reads a body: at it the body is read, one byte past it is a 413 in the error format,
/// whether the size is declared (Content-Length) or found by reading (chunked).
/// </summary>
public sealed class BodyLimitTests(RealServersFixture servers) : HostileInputTest(servers)
{
    private const int Limit = 65_536;

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var endpoint in BodyEndpoints.All)
        {
            data.Add(endpoint.Name, false);
            data.Add(endpoint.Name, true);
        }

        return data;
    }

    [Fact]
    public void MaxBytes_WhenRead_ShouldBeTheDocumentedLimit() => JsonRequestBody.MaxBytes.ShouldBe(Limit);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_WhenTheBodyIsExactlyAtTheLimit_ShouldReadIt(string endpointName, bool chunked)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();

        using var response = await SendAsync(endpoint, app, Content(Padded(endpoint, Limit), chunked));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldNotBe(HttpStatusCode.RequestEntityTooLarge, text);
        ((int)response.StatusCode).ShouldBeLessThan(500, text);
        if ((int)response.StatusCode >= 400)
        {
            // Read and judged on its fields (a webhook's made-up payload, a request that does not exist), not refused for its size.
            await ShouldBeDocumentedClientErrorAsync(response, endpointName);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_WhenTheBodyIsOneBytePastTheLimit_ShouldAnswer413AndStoreNothing(string endpointName, bool chunked)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();
        var before = await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString);

        using var response = await SendAsync(endpoint, app, Content(Padded(endpoint, Limit + 1), chunked));

        await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        (await DatabaseSnapshot.TakeAsync(Api.DatabaseConnectionString)).ShouldBe(before);
    }

    [Theory]
    [InlineData("CreateApp")]
    [InlineData("CreateProfile")]
    [InlineData("ReceiveAppStoreNotification")]
    public async Task Send_WhenAChunkedBodyIsFarPastTheLimit_ShouldAnswer413(string endpointName)
    {
        var endpoint = BodyEndpoints.Named(endpointName);
        var app = await CreateAppWithProfileAsync();

        using var response = await SendAsync(endpoint, app, Content(Padded(endpoint, 4 * 1024 * 1024), chunked: true));

        await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    /// <summary>The endpoint's valid body, padded with JSON whitespace before its closing brace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(BodyEndpoint endpoint, int size)
    {
        var json = endpoint.Body().ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(json[..^1] + new string(' ', size - Encoding.UTF8.GetByteCount(json)) + "}");
        bytes.Length.ShouldBe(size);
        return bytes;
    }

    private static HttpContent Content(byte[] bytes, bool chunked)
    {
        if (chunked)
        {
            return new ChunkedContent(bytes);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength.ShouldBe(bytes.Length);
        return content;
    }
}
