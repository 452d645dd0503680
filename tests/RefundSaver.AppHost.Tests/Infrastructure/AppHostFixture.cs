namespace RefundSaver.AppHost.Tests.Infrastructure;

/// <summary>One AppHost for the tests of the collection: starting one takes tens of seconds.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();

    public RunningAppHost AppHost { get; private set; } = null!;

    public async Task InitializeAsync() => AppHost = await RunningAppHost.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await AppHost.DisposeAsync();
        _data.Dispose();
    }
}
