using RefundSaver.Api.Json;

namespace RefundSaver.Api.Endpoints;

/// <summary>Seed 000's body: a field left out is kept, an explicit null resets it to the app's default.</summary>
public sealed record SetRefundSaverSettingsRequest
{
    public RequestField<bool?> Consent { get; init; }

    public RequestField<string?> CustomPreference { get; init; }
}
