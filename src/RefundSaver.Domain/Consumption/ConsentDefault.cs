namespace RefundSaver.Domain.Consumption;

/// <summary>
/// What a profile whose <c>consent</c> is null means: <see cref="OptIn"/> (the default) treats it as
/// no, <see cref="OptOut"/> as yes. Apple accepts consumption data only with the customer's consent.
/// </summary>
public enum ConsentDefault
{
    OptIn,
    OptOut,
}
