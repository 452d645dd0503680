namespace RefundSaver.Hosting;

/// <summary>Handle returned by the <c>Add*</c> methods, for chaining <c>With*</c> calls (Aspire's IResourceBuilder).</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}
