namespace RefundSaver.Application.AppStore.Dispatching;

/// <summary>What a dispatcher does with a request it holds.</summary>
public abstract record DispatchPlan
{
    private DispatchPlan()
    {
    }

    /// <summary>Final without a call to Apple (no consent, Refund Saver off for the app).</summary>
    public sealed record Skip(string Reason) : DispatchPlan;

    /// <summary>Wait for an operator until <paramref name="Until"/>, then send what stands.</summary>
    public sealed record Hold(DateTimeOffset Until) : DispatchPlan;

    /// <summary>Too late: Apple's 12 hours are over.</summary>
    public sealed record Expire(string Reason) : DispatchPlan;

    /// <summary>Nothing can be sent yet (no App Store key): try again at <paramref name="At"/>.</summary>
    public sealed record Wait(DateTimeOffset At, string Reason) : DispatchPlan;

    /// <summary>Send <paramref name="Body"/> (JSON) with Send Consumption Information <paramref name="ApiVersion"/>.</summary>
    public sealed record Send(string ApiVersion, string Body, string Preference, string PreferenceSource) : DispatchPlan;
}
