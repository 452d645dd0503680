using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task StopAsync_WhenEverythingRuns_ShouldLeaveNoChildProcess()
    {
        var builder = TestApplications.CreateBuilder();
        var db = builder.AddFastPostgresDatabase();
        builder.AddRedis("redis");
        var (_, child) = EnvironmentProbe.Add(builder, "child");
        child.WithReference(db).WaitFor(db);
        await using var app = builder.Build();
        await app.StartAsync(TestApplications.DeadlineToken());
        var processes = app.Resources
            .Select(resource => resource.ProcessId)
            .OfType<int>()
            .SelectMany(ProcessTable.WithDescendants)
            .ToList();
        processes.Count.ShouldBeGreaterThan(4, "postgres (with its workers), redis and the child should run");

        await app.StopAsync();

        processes.Where(ProcessTable.IsAlive).ShouldBeEmpty();
        app.Resources.ShouldAllBe(resource => resource.State == ResourceState.Stopped);
    }

    [Fact]
    public async Task StartAsync_WhenChildExitsLater_ShouldMarkItFailed()
    {
        var builder = TestApplications.CreateBuilder();
        builder.AddExecutable("crashing", "/bin/sh", builder.DataDirectory, "-c", "sleep 0.3; echo boom >&2; exit 3");
        await using var app = builder.Build();

        await app.StartAsync(TestApplications.DeadlineToken());
        var resource = app.GetResource("crashing");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (resource.State == ResourceState.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        resource.State.ShouldBe(ResourceState.Failed);
        resource.Log.Tail(5).ShouldContain(line => line.Text.Contains("exited unexpectedly with code 3"));
    }

    [Fact]
    public async Task StartAsync_WhenProjectNeverBecomesHealthy_ShouldFailWithItsLastLogLines()
    {
        var builder = TestApplications.CreateBuilder();
        builder.AddExecutable("ok", "/bin/sh", builder.DataDirectory, "-c", "exec sleep 60");
        var projectDirectory = Directory.CreateDirectory(Path.Combine(builder.DataDirectory, "Broken")).FullName;
        File.WriteAllText(Path.Combine(projectDirectory, "Broken.csproj"), "this is not a project");
        builder.AddProject("broken", Path.Combine(projectDirectory, "Broken.csproj"));
        await using var app = builder.Build();

        var exception = await Should.ThrowAsync<DistributedApplicationException>(() => app.StartAsync(TestApplications.DeadlineToken()));

        exception.Message.ShouldContain("'broken'");
        exception.Message.ShouldContain("Last log lines");
        app.GetResource("broken").State.ShouldBe(ResourceState.Failed);
        app.GetResource("ok").ProcessId.ShouldBeNull("a failed start stops what did start");
    }
}
