namespace RefundSaver.Domain.Consumption;

/// <summary>
/// Which Send Consumption Information endpoint an app is answered with: <see cref="V2"/>
/// (<c>PUT /inApps/v2/transactions/consumption/{transactionId}</c>, Apple's current one, the default) or
/// <see cref="V1"/> (<c>PUT /inApps/v1/transactions/consumption/{transactionId}</c>, deprecated by Apple).
/// </summary>
public enum ConsumptionApiVersion
{
    V2,
    V1,
}
