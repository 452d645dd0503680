namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>
/// The App Store Server API errors the simulator answers with. The numbers are Apple's: from Apple's
/// app-store-server-library (Swift/Java/Python/Node <c>APIError</c>) and, for those newer than the
/// libraries (4000044, 4000209), from the <c>errorCode</c> "allowed values" on Apple's page for the
/// error. Messages are Apple's where its pages give them (4000034, 4000035, 4000044, 4000209,
/// 5000000, 5000001), otherwise a plain description in Apple's style.
/// </summary>
public static class AppleErrors
{
    public static readonly AppleError GeneralBadRequest = new("GeneralBadRequestError", 400, 4000000, "Invalid request.");
    public static readonly AppleError InvalidTransactionId = new("InvalidTransactionIdError", 400, 4000006, "Invalid transaction id.");
    public static readonly AppleError InvalidAccountTenure = new(
        "InvalidAccountTenureError", 400, 4000032, "Invalid request. The account tenure field is invalid.");
    public static readonly AppleError InvalidAppAccountToken = new(
        "InvalidAppAccountTokenError", 400, 4000033, "Invalid request. The app account token field must contain a valid UUID or an empty string.");
    public static readonly AppleError InvalidConsumptionStatus = new(
        "InvalidConsumptionStatusError", 400, 4000034, "Invalid request. The consumption status field is invalid.");
    public static readonly AppleError InvalidCustomerConsented = new(
        "InvalidCustomerConsentedError", 400, 4000035, "Invalid request. The customer consented field is required and must indicate the customer consented.");
    public static readonly AppleError InvalidDeliveryStatus = new(
        "InvalidDeliveryStatusError", 400, 4000036, "Invalid request. The delivery status field is invalid.");
    public static readonly AppleError InvalidLifetimeDollarsPurchased = new(
        "InvalidLifetimeDollarsPurchasedError", 400, 4000037, "Invalid request. The lifetime dollars purchased field is invalid.");
    public static readonly AppleError InvalidLifetimeDollarsRefunded = new(
        "InvalidLifetimeDollarsRefundedError", 400, 4000038, "Invalid request. The lifetime dollars refunded field is invalid.");
    public static readonly AppleError InvalidPlatform = new("InvalidPlatformError", 400, 4000039, "Invalid request. The platform field is invalid.");
    public static readonly AppleError InvalidPlayTime = new("InvalidPlayTimeError", 400, 4000040, "Invalid request. The play time field is invalid.");
    public static readonly AppleError InvalidSampleContentProvided = new(
        "InvalidSampleContentProvidedError", 400, 4000041, "Invalid request. The sample content provided field is invalid.");
    public static readonly AppleError InvalidUserStatus = new("InvalidUserStatusError", 400, 4000042, "Invalid request. The user status field is invalid.");
    public static readonly AppleError InvalidRefundPreference = new(
        "InvalidRefundPreferenceError", 400, 4000044, "Invalid request. The refund preference field is invalid.");
    public static readonly AppleError InvalidTransactionTypeNotSupported = new(
        "InvalidTransactionTypeNotSupportedError", 400, 4000047, "Invalid request. The transaction id parameter represents an unsupported in-app purchase type.");
    public static readonly AppleError FamilyTransactionNotSupported = new(
        "FamilyTransactionNotSupportedError", 400, 4000185, "Invalid request. Family Sharing transactions aren't supported by this endpoint.");
    public static readonly AppleError ConsumptionPercentageAutoRenewableSubscription = new(
        "ConsumptionPercentageAutoRenewableSubscriptionError", 400, 4000209,
        "Invalid request. The consumption percentage field is not supported for auto-renewable subscription transactions.");

    /// <summary>Apple documents it by name only (App Store Server API 1.19); its number: <see cref="SimulatorOptions.ErrorCodes"/>.</summary>
    public static readonly AppleError ConsumptionPercentageOutOfRange = new(
        "ConsumptionPercentageOutOfRangeError", 400, null, "Invalid request. The consumption percentage is outside the valid range.");

    /// <summary>Apple documents it by name only (App Store Server API 1.19); its number: <see cref="SimulatorOptions.ErrorCodes"/>.</summary>
    public static readonly AppleError UndeliveredConsumptionPercentageNonZero = new(
        "UndeliveredConsumptionPercentageNonZeroError", 400, null,
        "Invalid request. The consumption percentage must be zero for the provided delivery status.");

    public static readonly AppleError ServerNotificationUrlNotFound = new(
        "ServerNotificationUrlNotFoundError", 404, 4040007, "No notification URL is configured for this app in this environment.");
    public static readonly AppleError TestNotificationNotFound = new(
        "TestNotificationNotFoundError", 404, 4040008, "The test notification token is expired or its status is not available.");
    public static readonly AppleError TransactionIdNotFound = new("TransactionIdNotFoundError", 404, 4040010, "Transaction id not found.");
    public static readonly AppleError RateLimitExceeded = new("RateLimitExceededError", 429, 4290000, "Rate limit exceeded.");
    public static readonly AppleError GeneralInternal = new("GeneralInternalError", 500, 5000000, "An unknown error occurred.");
    public static readonly AppleError GeneralInternalRetryable = new("GeneralInternalRetryableError", 500, 5000001, "An unknown error occurred. Please try again.");

    public static readonly IReadOnlyList<AppleError> All =
    [
        GeneralBadRequest, InvalidTransactionId, InvalidAccountTenure, InvalidAppAccountToken, InvalidConsumptionStatus,
        InvalidCustomerConsented, InvalidDeliveryStatus, InvalidLifetimeDollarsPurchased, InvalidLifetimeDollarsRefunded,
        InvalidPlatform, InvalidPlayTime, InvalidSampleContentProvided, InvalidUserStatus, InvalidRefundPreference,
        InvalidTransactionTypeNotSupported, FamilyTransactionNotSupported, ConsumptionPercentageAutoRenewableSubscription,
        ConsumptionPercentageOutOfRange, UndeliveredConsumptionPercentageNonZero, ServerNotificationUrlNotFound,
        TestNotificationNotFound, TransactionIdNotFound, RateLimitExceeded, GeneralInternal, GeneralInternalRetryable,
    ];

    /// <summary>The documented error with this number, if the simulator knows it.</summary>
    public static AppleError? ByCode(long code) => All.FirstOrDefault(error => error.Code == code);
}
