using Microsoft.Extensions.Options;

namespace RefundSaver.AppStoreSimulator.AppleApi;

/// <summary>Turns Apple's errors into answers, with the number each one is sent with.</summary>
public sealed class AppleAnswers(IOptions<SimulatorOptions> options)
{
    public AppleAnswer Error(AppleError error, string? reason = null, long? retryAfter = null) =>
        new(error.Status, error, CodeOf(error), retryAfter, reason ?? error.Name);

    public static AppleAnswer Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, Reason: reason);

    /// <summary>A 400 without an error code: Apple's answer to a malformed request.</summary>
    public static AppleAnswer Malformed(string reason) => new(StatusCodes.Status400BadRequest, Reason: reason);

    /// <summary>The number <paramref name="error"/> is sent with: Apple's, else the configured one, else none.</summary>
    public long? CodeOf(AppleError error) =>
        error.Code ?? (options.Value.ErrorCodes.TryGetValue(error.Name, out var configured) ? configured : null);
}
