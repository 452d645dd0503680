namespace RefundSaver.Domain.AppStore;

/// <summary>Where a notification or transaction comes from, as Apple spells it.</summary>
public enum AppStoreEnvironment
{
    Sandbox,
    Production,
}
