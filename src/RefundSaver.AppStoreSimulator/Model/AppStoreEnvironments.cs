namespace RefundSaver.AppStoreSimulator.Model;

/// <summary>Reading an environment the way Apple spells it.</summary>
public static class AppStoreEnvironments
{
    public static bool TryParse(string? value, out AppStoreEnvironment environment)
    {
        switch (value)
        {
            case "Sandbox":
                environment = AppStoreEnvironment.Sandbox;
                return true;
            case "Production":
                environment = AppStoreEnvironment.Production;
                return true;
            default:
                environment = default;
                return false;
        }
    }
}
