using RefundSaver.Domain.Common;
using RefundSaver.Domain.Consumption;

namespace RefundSaver.Domain.Apps;

/// <summary>A change of how an app answers Apple: what is left out stays as it is.</summary>
public sealed record RefundSaverConfiguration
{
    public Optional<bool> Enabled { get; init; }

    public Optional<ConsumptionApiVersion> ApiVersion { get; init; }

    public Optional<RefundPolicy> Policy { get; init; }

    public Optional<ConsentDefault> ConsentDefault { get; init; }

    public Optional<bool> SampleContentProvided { get; init; }

    public Optional<int?> ReviewDelayMinutes { get; init; }

    public Optional<IReadOnlyList<PreferenceRule>> Rules { get; init; }
}
