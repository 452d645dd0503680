using RefundSaver.AppHost.Tests.Infrastructure;

namespace RefundSaver.AppHost.Tests;

/// <summary>PostgreSQL from this machine's binaries, as the AppHost runs it by default.</summary>
[Collection(AppHostCollection.Name)]
public sealed class LocalServersTests(AppHostFixture fixture)
{
    private RunningAppHost AppHost => fixture.AppHost;

    [Fact]
    public async Task PostgresInit_WhenTheDataDirectoryIsNew_ShouldInitialiseItOnceAndFinish()
    {
        var state = await AppHost.Application.ResourceNotifications.WaitForResourceAsync(
            "postgres-init", update => update.Snapshot.State?.Text == KnownResourceStates.Finished);

        state.Snapshot.ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(AppHost.DataDirectory, "postgres", "pgdata", "PG_VERSION")).ShouldBeTrue();
    }
}
