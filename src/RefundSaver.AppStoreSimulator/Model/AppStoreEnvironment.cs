namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>Apple's environments; the names are the wire values ("Sandbox", "Production").</summary>
public enum AppStoreEnvironment
{
    Sandbox,
    Production,
}
