namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Which Send Consumption Information endpoint was called.</summary>
public enum ConsumptionApiVersion
{
    /// <summary><c>PUT /inApps/v1/transactions/consumption/{transactionId}</c> with ConsumptionRequestV1.</summary>
    V1,

    /// <summary><c>PUT /inApps/v2/transactions/consumption/{transactionId}</c> with ConsumptionRequest.</summary>
    V2,
}
