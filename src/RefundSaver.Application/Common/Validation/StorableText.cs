using System.Buffers;
using System.Text;

namespace RefundSaver.Application.Common.Validation;

/// <summary>Whether a string is text PostgreSQL can store: UTF-8 can hold it (no half of a surrogate pair), and no U+0000.</summary>
public static class StorableText
{
    public static bool IsStorable(string? value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done || rune.Value == 0)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
