using System.Buffers;
using System.Text;

namespace RefundSaver.Application.Common.Validation;

/// <summary>Whether a string is text that UTF-8 (and so PostgreSQL) can hold: no half of a surrogate pair.</summary>
public static class WellFormedText
{
    public static bool IsWellFormed(string? value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
