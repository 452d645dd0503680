using System.Text.Json;
using System.Text.Json.Serialization;
using RefundSaver.Api.Endpoints;

namespace RefundSaver.Api.Json;

/// <summary>Source-generated metadata of every request body, so that reading one costs no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreateAppRequest))]
[JsonSerializable(typeof(UpdateAppRequest))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(ReviewConsumptionRequestRequest))]
[JsonSerializable(typeof(ProfileDetailsRequest))]
[JsonSerializable(typeof(SetRefundSaverSettingsRequest))]
[JsonSerializable(typeof(LinkTransactionRequest))]
[JsonSerializable(typeof(ReportUsageRequest))]
[JsonSerializable(typeof(ReportPurchaseRequest))]
[JsonSerializable(typeof(AppStoreNotificationRequest))]
internal sealed partial class RequestBodyJsonContext : JsonSerializerContext;
