using System.Text.Json;

namespace RefundSaver.Application.AppStore;

/// <summary>What verifying a signed payload found; <see cref="Payload"/> is set only when verified.</summary>
public sealed record SignedPayloadVerification(VerificationStatus Status, JsonElement Payload, string? FailureReason)
{
    public static SignedPayloadVerification Verified(JsonElement payload) => new(VerificationStatus.Verified, payload, null);

    public static SignedPayloadVerification Invalid(string reason) => new(VerificationStatus.Invalid, default, reason);

    public static SignedPayloadVerification Unavailable(string reason) => new(VerificationStatus.Unavailable, default, reason);
}
