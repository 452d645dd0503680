namespace RefundSaver.AppStoreSimulator.Tests.Infrastructure;

/// <summary>One simulator and one notification receiver shared by a test class; each test makes its own apps.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public SimulatorFactory Factory { get; } = new();

    public NotificationReceiver Receiver { get; private set; } = null!;

    public SimulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await NotificationReceiver.StartAsync();
        Client = Factory.CreateSimulatorClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
