using System.Diagnostics.CodeAnalysis;

namespace RefundSaver.Domain.AppStore;

public static class AppStoreEnvironmentNames
{
    public const string Sandbox = "Sandbox";
    public const string Production = "Production";

    public static string ToName(this AppStoreEnvironment environment) => environment switch
    {
        AppStoreEnvironment.Sandbox => Sandbox,
        AppStoreEnvironment.Production => Production,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out AppStoreEnvironment? environment)
    {
        environment = name switch
        {
            Sandbox => AppStoreEnvironment.Sandbox,
            Production => AppStoreEnvironment.Production,
            _ => null,
        };
        return environment is not null;
    }
}
