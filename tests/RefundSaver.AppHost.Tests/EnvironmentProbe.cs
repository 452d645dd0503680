using RefundSaver.Hosting;

namespace RefundSaver.AppHost.Tests;

/// <summary>An executable resource that dumps its environment to a file, to see exactly what a child receives.</summary>
internal sealed class EnvironmentProbe
{
    private readonly string _file;

    private EnvironmentProbe(string file) => _file = file;

    public static (EnvironmentProbe Probe, IResourceBuilder<ExecutableResource> Resource) Add(IDistributedApplicationBuilder builder, string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(builder.DataDirectory, name + "-probe")).FullName;
        var resource = builder.AddExecutable(name, "/bin/sh", directory, "-c", "env > env.tmp && mv env.tmp env.txt; exec sleep 120");
        return (new EnvironmentProbe(Path.Combine(directory, "env.txt")), resource);
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(_file) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return (await File.ReadAllLinesAsync(_file))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(group => group.Key, group => group.First()[1]);
    }
}
