namespace RefundSaver.Domain.Consumption;

/// <summary>
/// The customer's account status in the app, as the app's backend reported it. Apple's V1
/// <c>userStatus</c> codes are 1 active, 2 suspended, 3 terminated, 4 limited access (0 undeclared).
/// </summary>
public enum UserStatus
{
    Active,
    Suspended,
    Terminated,
    LimitedAccess,
}
