using System.Buffers.Text;
using System.Text.Json;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// Reads a compact JWS without trusting it: only to tell a malformed message (400) from a forged one
/// (401), and to find which app's trust roots to verify it with. Nothing read here is acted upon.
/// </summary>
public static class UnverifiedJws
{
    public static bool TryReadPayload(string jws, out JsonElement payload)
    {
        payload = default;
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts[2].Length == 0 || !IsJsonObject(parts[0], out _) || !IsJsonObject(parts[1], out var body))
        {
            return false;
        }

        payload = body;
        return true;
    }

    private static bool IsJsonObject(string part, out JsonElement element)
    {
        element = default;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }
}
