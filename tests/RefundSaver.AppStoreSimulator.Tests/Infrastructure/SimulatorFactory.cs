using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>
/// The simulator in-process, with its settings (<c>Simulator:*</c>) and, when given, a clock of the
/// test's. Notifications still go out over real HTTP, to a <see cref="NotificationReceiver"/>.
/// </summary>
public class SimulatorFactory(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Apple's retry schedule made a million times faster: 3.6 ms, 43 ms, 86 ms, 173 ms, 259 ms.</summary>
    public const string FastRetries = "0.000001";

    public SimulatorClient CreateSimulatorClient() => new(CreateClient(), time ?? TimeProvider.System);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Simulator:RetryTimeScale", FastRetries);
        builder.UseSetting("Simulator:DeliveryTimeoutSeconds", "5");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }
}
