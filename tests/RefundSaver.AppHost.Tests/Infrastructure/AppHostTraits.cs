namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>
/// Tests that hold whichever way the AppHost provides PostgreSQL and Redis carry
/// <c>Servers=any</c>: CI runs them again with <c>AppHost__Servers=containers</c>.
/// </summary>
public static class AppHostTraits
{
    public const string Servers = "Servers";
    public const string AnyServers = "any";
}
