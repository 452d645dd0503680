namespace RefundSaver.Domain.Consumption;

/// <summary>The wire names of <see cref="UserStatus"/>, and Apple's V1 codes for it.</summary>
public static class UserStatusNames
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Terminated = "terminated";
    public const string LimitedAccess = "limited_access";

    public static IReadOnlyList<string> All { get; } = [Active, Suspended, Terminated, LimitedAccess];

    public static string ToWire(this UserStatus status) => status switch
    {
        UserStatus.Active => Active,
        UserStatus.Suspended => Suspended,
        UserStatus.Terminated => Terminated,
        UserStatus.LimitedAccess => LimitedAccess,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Exact, ordinal match of a wire name; on failure <paramref name="status"/> is the default.</summary>
    public static bool TryParse(string? name, out UserStatus status)
    {
        UserStatus? parsed = name switch
        {
            Active => UserStatus.Active,
            Suspended => UserStatus.Suspended,
            Terminated => UserStatus.Terminated,
            LimitedAccess => UserStatus.LimitedAccess,
            _ => null,
        };
        status = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    /// <summary>Apple's V1 <c>userStatus</c>: 1 active, 2 suspended, 3 terminated, 4 limited access.</summary>
    public static int ToV1Code(this UserStatus status) => status switch
    {
        UserStatus.Active => 1,
        UserStatus.Suspended => 2,
        UserStatus.Terminated => 3,
        UserStatus.LimitedAccess => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>For names already validated (as stored): an unknown one is a bug, not bad input.</summary>
    public static UserStatus Parse(string name) =>
        TryParse(name, out var parsed) ? parsed : throw new FormatException($"Unknown UserStatus name '{name}'.");
}
