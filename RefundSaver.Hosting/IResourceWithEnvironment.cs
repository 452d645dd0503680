namespace RefundSaver.Hosting;

/// <summary>A resource whose process receives environment variables (and so references).</summary>
public interface IResourceWithEnvironment : IResource
{
    ResourceEnvironment Environment { get; }
}
