namespace RefundSaver.Hosting;

/// <summary>A resource others reach through <c>ConnectionStrings__&lt;Name&gt;</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default);
}
