using System.Net.Sockets;
using System.Text;

namespace RefundSaver.AppHost.Tests;

/// <summary>Talks RESP to a "host:port" Redis connection string, independently of the code under test.</summary>
internal static class RedisProbe
{
    public static async Task<string> PingAsync(string connectionString)
    {
        var (host, port) = Parse(connectionString);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n"));
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }

    public static (string Host, int Port) Parse(string connectionString)
    {
        var separator = connectionString.LastIndexOf(':');
        return (connectionString[..separator], int.Parse(connectionString[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
