namespace RefundSaver.Hosting;

/// <summary>A resource with an HTTP endpoint others find through <c>services__&lt;Name&gt;__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResource
{
    Uri? Url { get; }
}
