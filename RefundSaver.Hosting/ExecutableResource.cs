using RefundSaver.Hosting.Processes;

namespace RefundSaver.Hosting;

/// <summary>Any program, running as soon as it has started (Aspire's ExecutableResource).</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> arguments)
    : ProcessResource(name), IResourceWithEnvironment
{
    public override string ResourceType => "Executable";

    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public ResourceEnvironment Environment { get; } = new();

    private protected override async Task<ProcessSpec> CreateProcessSpecAsync(ResourceContext context, CancellationToken cancellationToken) =>
        new(Command, Arguments, WorkingDirectory, await Environment.ResolveAsync(cancellationToken));

    private protected override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
