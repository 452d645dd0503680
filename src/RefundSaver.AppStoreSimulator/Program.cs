namespace RefundSaver.AppStoreSimulator;

/// <summary>
/// A local stand-in for Apple: the App Store Server API (Production at the root, Sandbox under
/// /sandbox), App Store Server Notifications V2, and a control API under /simulator. Namespaced so
/// that a test host can reference it beside RefundSaver.Api's global <c>Program</c>.
/// </summary>
public partial class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddAppStoreSimulator();

        var app = builder.Build();
        app.MapAppStoreSimulator();
        app.MapDefaultEndpoints();
        app.Run();
    }
}
