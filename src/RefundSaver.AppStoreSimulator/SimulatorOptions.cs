namespace RefundSaver.AppStoreSimulator;

/// <summary>The simulator's settings, bound from the <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>
    /// Where the signing chain lives (root.pem, intermediate.pem, leaf.pem, leaf-key.pem). Loaded
    /// when the files are there, else generated and written there; without it the chain lives in memory.
    /// </summary>
    public string? ChainDirectory { get; set; }

    /// <summary>Multiplies Apple's notification retry schedule (1, 12, 24, 48, 72 h); tests use e.g. 0.0001.</summary>
    public double RetryTimeScale { get; set; } = 1;

    /// <summary>Consumption calls accepted per app and second in Production (Apple: 50).</summary>
    public int ProductionRateLimit { get; set; } = 50;

    /// <summary>Consumption calls accepted per app and second in Sandbox (Apple: a tenth of Production).</summary>
    public int SandboxRateLimit { get; set; } = 5;

    /// <summary>How long a notification POST may take before the attempt counts as TIMED_OUT.</summary>
    public double DeliveryTimeoutSeconds { get; set; } = 10;

    /// <summary>How far in the future a token's <c>iat</c> may be (clock skew between client and simulator).</summary>
    public double TokenClockSkewSeconds { get; set; } = 60;

    /// <summary>When set, generated identifiers (key ids, issuer ids, notification UUIDs, tokens) repeat from run to run.</summary>
    public int? Seed { get; set; }

    /// <summary>The first transaction identifier handed out; the next ones follow it.</summary>
    public long FirstTransactionId { get; set; } = 2000000000000001;

    /// <summary>
    /// Error codes that Apple documents by name but whose numbers no published source gives
    /// (e.g. <c>ConsumptionPercentageOutOfRangeError</c>): set them here to answer with a number;
    /// until then those errors are answered as a 400 without an <c>errorCode</c>.
    /// </summary>
    public Dictionary<string, long> ErrorCodes { get; set; } = [];
}
