using Microsoft.Extensions.Configuration;
using RefundSaver.Hosting.Processes;

namespace RefundSaver.Hosting;

/// <summary>
/// Redis: the configured <c>ConnectionStrings:&lt;name&gt;</c>, else a throwaway local redis-server
/// without persistence. Its port is kept across a stop and start, so connection strings stay valid.
/// </summary>
public sealed class RedisResource(string name, IConfiguration configuration) : ProcessResource(name), IResourceWithConnectionString
{
    private const string Host = "127.0.0.1";

    private int _port;

    public override string ResourceType => "Redis";

    public override bool IsExternal => ConfiguredConnectionString is not null;

    public override Uri? Url => IsExternal || _port == 0 ? null : new Uri($"tcp://{Host}:{_port}");

    /// <summary>Path or name of the redis-server program.</summary>
    public string ServerPath { get; set; } = "redis-server";

    private string? ConfiguredConnectionString => configuration.GetConnectionString(Name);

    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ConfiguredConnectionString ?? (_port == 0 ? null : $"{Host}:{_port}"));

    internal override Task PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        _port = FreePort.Find();
        return Task.CompletedTask;
    }

    private protected override Task<ProcessSpec> CreateProcessSpecAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        var workingDirectory = Directory.CreateDirectory(Path.Combine(context.DataDirectory, Name)).FullName;
        string[] arguments = ["--port", $"{_port}", "--bind", Host, "--save", "", "--appendonly", "no"];
        return Task.FromResult(new ProcessSpec(ServerPath, arguments, workingDirectory));
    }

    private protected override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        RedisPing.AnswersAsync(Host, _port, cancellationToken);
}
