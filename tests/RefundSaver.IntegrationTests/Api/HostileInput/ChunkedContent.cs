using System.Net;
using System.Net.Http.Headers;

namespace RefundSaver.IntegrationTests.Api.HostileInput;

/// <summary>A body sent without a Content-Length (chunked), in small writes, so the server learns its size only by reading it.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(byte[] bytes)
    {
        _bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var chunk in _bytes.Chunk(4096))
        {
            await stream.WriteAsync(chunk);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
