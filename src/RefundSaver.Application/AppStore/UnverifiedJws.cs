using System.Buffers.Text;
using System.Text.Json;

namespace RefundSaver.Application.AppStore;

/// <summary>
/// Reads a compact JWS without trusting it: only to tell a malformed message (400) from a forged one
/// (401), and to find which app's trust roots to verify it with. Nothing read here is acted upon.
/// It runs for every notification, so it reads the parts in place and only checks the header.
/// </summary>
public static class UnverifiedJws
{
    public static bool TryReadPayload(string jws, out JsonElement payload)
    {
        payload = default;
        var firstDot = jws.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : jws.IndexOf('.', firstDot + 1);
        return secondDot > 0
            && secondDot < jws.Length - 1
            && jws.IndexOf('.', secondDot + 1) < 0
            && IsJsonObject(jws.AsSpan(0, firstDot))
            && TryReadObject(jws.AsSpan(firstDot + 1, secondDot - firstDot - 1), out payload);
    }

    private static bool IsJsonObject(ReadOnlySpan<char> part)
    {
        try
        {
            var reader = new Utf8JsonReader(Base64Url.DecodeFromChars(part));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read(); // throws on anything but whitespace after the object
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    private static bool TryReadObject(ReadOnlySpan<char> part, out JsonElement element)
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
